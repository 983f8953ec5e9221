package io.emporium.platform.web;

import static io.emporium.platform.web.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The application's own exceptions map to their status; anything else is a sealed 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ApplicationProblemsTests {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  @Autowired WebTestClient client;

  private WebTestClient.ResponseSpec getOrder(String id) {
    return client.get().uri("/test/orders/{id}", id).exchange();
  }

  @Test
  void notFoundExceptionIsNotFound() {
    expectProblem(getOrder("missing"), 404, "not-found", "/test/orders/missing")
        .jsonPath("$.title")
        .isEqualTo("Not found")
        .jsonPath("$.detail")
        .isEqualTo("Order missing does not exist");
  }

  @Test
  void conflictExceptionIsConflictWithItsExtensionMembers() {
    expectProblem(getOrder("stale"), 409, "conflict", "/test/orders/stale")
        .jsonPath("$.title")
        .isEqualTo("Conflict")
        .jsonPath("$.version")
        .isEqualTo(4);
  }

  @Test
  void invalidRequestExceptionNamesTheFieldLikeBeanValidation() {
    expectProblem(getOrder("invalid"), 400, "validation-failed", "/test/orders/invalid")
        .jsonPath("$.detail")
        .isEqualTo("size: must be at most 100")
        .jsonPath("$.errors[0].field")
        .isEqualTo("size")
        .jsonPath("$.errors[0].rejectedValue")
        .isEqualTo(500);
  }

  @Test
  void forbiddenExceptionIsForbidden() {
    expectProblem(getOrder("forbidden"), 403, "forbidden", "/test/orders/forbidden");
  }

  @Test
  void anEventItsConsumersWouldRejectIsUnprocessableNamingTheEventField() {
    expectProblem(getOrder("event"), 422, "event-rejected", "/test/orders/event")
        .jsonPath("$.errors[0].field")
        .isEqualTo("customer.email")
        .jsonPath("$.detail")
        .isEqualTo(
            "The request cannot be processed: customer.email does not match the email pattern");
  }

  @Test
  void businessRuleExceptionIsUnprocessable() {
    expectProblem(getOrder("empty"), 422, "business-rule-violated", "/test/orders/empty")
        .jsonPath("$.title")
        .isEqualTo("Business rule violated")
        .jsonPath("$.detail")
        .isEqualTo("Cannot check out an empty cart");
  }

  @Test
  void responseStatusExceptionKeepsItsStatusAndReason() {
    expectProblem(getOrder("busy"), 503, "service-unavailable", "/test/orders/busy")
        .jsonPath("$.detail")
        .isEqualTo("Warming up");
  }

  @Test
  void unexpectedExceptionIsA500ThatLeaksNothingAndIsLoggedOnceWithTheTraceId(
      CapturedOutput output) {
    byte[] body =
        expectProblem(
                client.get().uri("/test/orders/boom").header("traceparent", TRACEPARENT).exchange(),
                500,
                "internal-error",
                "/test/orders/boom")
            .jsonPath("$.traceId")
            .isEqualTo(TRACE_ID)
            .returnResult()
            .getResponseBody();

    String json = new String(body, StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("hunter2", "IllegalStateException", "at io.", "trace\":");
    assertThat(output.getOut().split("Unexpected error on GET /test/orders/boom", -1)).hasSize(2);
    assertThat(output.getOut())
        .contains("traceId=" + TRACE_ID)
        .contains(ProblemsTestController.SECRET);
  }

  @Test
  void successfulRequestsAreUntouched() {
    client.get().uri("/test/orders/o-1").exchange().expectStatus().isOk();
  }
}
