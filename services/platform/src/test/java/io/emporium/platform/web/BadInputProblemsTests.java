package io.emporium.platform.web;

import static io.emporium.platform.web.ProblemExpectations.expectProblem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bad input is always a 400 problem naming the field, never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputProblemsTests {

  private static final String ORDERS = "/test/orders";

  @Autowired WebTestClient client;

  private WebTestClient.ResponseSpec post(String uri, String json) {
    return client
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange();
  }

  @Test
  void malformedJsonIsAMalformedRequest() {
    expectProblem(
            post(ORDERS, "{\"reference\": \"r1\", \"lines\": [}"), 400, "malformed-request", ORDERS)
        .jsonPath("$.title")
        .isEqualTo("Malformed request")
        .jsonPath("$.detail")
        .value(
            detail ->
                org.assertj.core.api.Assertions.assertThat((String) detail)
                    .startsWith("Request body is not valid JSON"));
  }

  @Test
  void wrongFieldTypeNamesTheFieldAndTheExpectedType() {
    expectProblem(
            post("/test/shops/s1/lines", "{\"sku\": \"A-1\", \"quantity\": \"three\"}"),
            400,
            "validation-failed",
            "/test/shops/s1/lines")
        .jsonPath("$.detail")
        .isEqualTo("quantity: expected an integer")
        .jsonPath("$.errors[0].field")
        .isEqualTo("quantity")
        .jsonPath("$.errors[0].message")
        .isEqualTo("expected an integer");
  }

  @Test
  void wrongTypeInsideAListNamesTheIndexedField() {
    String json = "{\"reference\": \"r1\", \"lines\": [{\"sku\": \"A\", \"quantity\": true}]}";
    expectProblem(post(ORDERS, json), 400, "validation-failed", ORDERS)
        .jsonPath("$.errors[0].field")
        .isEqualTo("lines[0].quantity")
        .jsonPath("$.errors[0].message")
        .isEqualTo("expected an integer");
  }

  @Test
  void hugeQuantityIsOutOfRangeNotAServerError() {
    String json =
        "{\"reference\": \"r1\", \"lines\": [{\"sku\": \"A\", \"quantity\": 99999999999}]}";
    expectProblem(post(ORDERS, json), 400, "validation-failed", ORDERS)
        .jsonPath("$.errors[0].field")
        .isEqualTo("lines[0].quantity")
        .jsonPath("$.errors[0].message")
        .isEqualTo("out of range for an integer");
  }

  @Test
  void missingRequiredFieldIsNamed() {
    expectProblem(
            post(ORDERS, "{\"lines\": [{\"sku\": \"A\", \"quantity\": 1}]}"),
            400,
            "validation-failed",
            ORDERS)
        .jsonPath("$.title")
        .isEqualTo("Validation failed")
        .jsonPath("$.errors.length()")
        .isEqualTo(1)
        .jsonPath("$.errors[0].field")
        .isEqualTo("reference")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must not be blank");
  }

  @Test
  void negativeQuantityInANestedListNamesTheIndexedField() {
    String json =
        "{\"reference\": \"r1\", \"lines\": [{\"sku\": \"A\", \"quantity\": 1},"
            + " {\"sku\": \"\", \"quantity\": -2}]}";
    expectProblem(post(ORDERS, json), 400, "validation-failed", ORDERS)
        .jsonPath("$.detail")
        .isEqualTo("2 fields are invalid")
        .jsonPath("$.errors[0].field")
        .isEqualTo("lines[1].quantity")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must be greater than 0")
        .jsonPath("$.errors[0].rejectedValue")
        .isEqualTo(-2)
        .jsonPath("$.errors[1].field")
        .isEqualTo("lines[1].sku");
  }

  @Test
  void invalidBodyUnderMethodValidationNamesTheField() {
    expectProblem(
            post("/test/shops/s1/lines", "{\"sku\": \"A\", \"quantity\": 0}"),
            400,
            "validation-failed",
            "/test/shops/s1/lines")
        .jsonPath("$.errors[0].field")
        .isEqualTo("quantity")
        .jsonPath("$.errors[0].rejectedValue")
        .isEqualTo(0);
  }

  @Test
  void constrainedRequestParametersAreNamed() {
    expectProblem(
            client.get().uri("/test/search?page=-1&size=500").exchange(),
            400,
            "validation-failed",
            "/test/search")
        .jsonPath("$.errors[0].field")
        .isEqualTo("page")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must be greater than or equal to 0")
        .jsonPath("$.errors[1].field")
        .isEqualTo("size")
        .jsonPath("$.errors[1].rejectedValue")
        .isEqualTo(500);
  }

  @Test
  void missingRequestParameterIsNamed() {
    expectProblem(
            client.get().uri("/test/search?page=1").exchange(),
            400,
            "validation-failed",
            "/test/search")
        .jsonPath("$.errors[0].field")
        .isEqualTo("size")
        .jsonPath("$.errors[0].message")
        .isEqualTo("is required");
  }

  @Test
  void pathVariableOfTheWrongTypeIsNamed() {
    expectProblem(
            client.get().uri("/test/items/abc").exchange(),
            400,
            "validation-failed",
            "/test/items/abc")
        .jsonPath("$.detail")
        .isEqualTo("number: expected an integer");
  }

  @Test
  void missingBodyIsAMalformedRequest() {
    expectProblem(
            client.post().uri(ORDERS).contentType(MediaType.APPLICATION_JSON).exchange(),
            400,
            "malformed-request",
            ORDERS)
        .jsonPath("$.detail")
        .isEqualTo("Request body is required");
  }

  @Test
  void bodyOfTheWrongJsonShapeIsAMalformedRequest() {
    expectProblem(post(ORDERS, "[1, 2]"), 400, "malformed-request", ORDERS)
        .jsonPath("$.detail")
        .isEqualTo("Request body must be an object");
  }
}
