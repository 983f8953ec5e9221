package io.emporium.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.web.WebTestApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's OpenAPI document (3.1) says what its answers hold: every field present (required),
 * null only where the field is {@code @Nullable} ({@code "null"} among its types, also for a
 * reference); a schema only a request uses keeps its optional fields optional.
 */
@SpringBootTest(
    classes = WebTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiConventionsTests {

  @Autowired WebTestClient client;

  private JsonNode schemas() {
    return client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody()
        .at("/components/schemas");
  }

  @Test
  void everyFieldOfAnAnswerIsRequiredAndOnlyNullableOnesMayBeNull() {
    JsonNode parcel = schemas().get("Parcel");

    assertThat(names(parcel.get("required"))).containsExactlyInAnyOrderElementsOf(fields(parcel));
    assertThat(names(parcel.at("/properties/note/type"))).containsExactly("string", "null");
    assertThat(names(parcel.at("/properties/tags/type"))).doesNotContain("null");
    assertThat(parcel.at("/properties/address/$ref").asText()).endsWith("/Address");
    assertThat(parcel.at("/properties/returnTo/anyOf/0/$ref").asText()).endsWith("/Address");
    assertThat(parcel.at("/properties/returnTo/anyOf/1/type").toString()).contains("null");
    assertThat(names(schemas().at("/Address/required")))
        .containsExactlyInAnyOrder("name", "line1", "line2", "country");
  }

  @Test
  void aSchemaOnlyRequestsUseKeepsItsOptionalFieldsOptional() {
    assertThat(schemas().at("/Note/required").isMissingNode()).isTrue();
  }

  private static List<String> fields(JsonNode schema) {
    List<String> fields = new ArrayList<>();
    schema.get("properties").fieldNames().forEachRemaining(fields::add);
    return fields;
  }

  /** The texts of an array, or the one text of a scalar. */
  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    if (array.isTextual()) {
      names.add(array.asText());
    }
    array.forEach(n -> names.add(n.asText()));
    return names;
  }
}
