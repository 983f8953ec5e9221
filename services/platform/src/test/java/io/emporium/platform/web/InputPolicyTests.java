package io.emporium.platform.web;

import static io.emporium.platform.web.ProblemExpectations.expectProblem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one input policy every service gets from the platform: text without control characters and in
 * valid Unicode, in bodies, paths, queries and headers; JSON numbers and types bound strictly. Each
 * rejection is a 400 problem naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InputPolicyTests {

  private static final String PARCELS = "/input/parcels";
  private static final String ADDRESS =
      "\"address\":{\"name\":\"Ada\",\"line1\":\"%s\",\"country\":\"GB\"}";

  @Autowired WebTestClient client;

  @LocalServerPort int port;

  /** The path and query exactly as written: no template expansion or encoding. */
  private URI raw(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  private WebTestClient.ResponseSpec post(String json) {
    return client
        .post()
        .uri(PARCELS)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json.getBytes(StandardCharsets.UTF_8))
        .exchange();
  }

  /** A parcel (with a weight unless {@code more} gives one) and {@code more} fields. */
  private static String parcel(String line1, String more) {
    String weight = more.contains("\"weight\"") ? "" : ",\"weight\":1";
    return "{" + ADDRESS.formatted(line1) + weight + (more.isEmpty() ? "" : "," + more) + "}";
  }

  private void expectFieldRejected(String json, String field, String message) {
    expectProblem(post(json), 400, "validation-failed", PARCELS)
        .jsonPath("$.errors[0].field")
        .isEqualTo(field)
        .jsonPath("$.errors[0].message")
        .isEqualTo(message);
  }

  @Test
  void acceptsOrdinaryText() {
    post(parcel("12 Analytical Row, Flat 3 – Zoë's", "\"quantity\":2"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.address.line1")
        .isEqualTo("12 Analytical Row, Flat 3 – Zoë's")
        .jsonPath("$.quantity")
        .isEqualTo(2);
  }

  @Test
  void rejectsAnEscapedNulInANestedField() {
    expectFieldRejected(
        parcel("12 Road\\u0000", ""), "address.line1", "must not contain control characters");
  }

  @Test
  void rejectsALineBreakOrATabInSingleLineText() {
    expectFieldRejected(
        parcel("12 Road\\nLondon", ""), "address.line1", "must not contain control characters");
    expectFieldRejected(
        parcel("12\\tRoad", ""), "address.line1", "must not contain control characters");
  }

  @Test
  void acceptsTabsAndLineBreaksInFreeTextButNeverNul() {
    post(parcel("1 Road", "\"note\":\"Leave at the door.\\r\\n\\tThanks!\""))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.note")
        .isEqualTo("Leave at the door.\r\n\tThanks!");
    expectFieldRejected(
        parcel("1 Road", "\"note\":\"bad\\u0000\""), "note", "must not contain control characters");
  }

  @Test
  void rejectsOtherControlCharacters() {
    expectFieldRejected(
        parcel("bell\\u0007", ""), "address.line1", "must not contain control characters");
    expectFieldRejected(
        parcel("del\\u007f", ""), "address.line1", "must not contain control characters");
    expectFieldRejected(
        parcel("c1\\u0085", ""), "address.line1", "must not contain control characters");
  }

  @Test
  void rejectsALoneSurrogate() {
    expectFieldRejected(parcel("half \\ud83d", ""), "address.line1", "must be valid Unicode text");
  }

  @Test
  void rejectsControlCharactersInListsMapsAndUntypedValues() {
    expectFieldRejected(
        parcel("1 Road", "\"tags\":[\"ok\",\"bad\\u0000\"]"),
        "tags[1]",
        "must not contain control characters");
    expectFieldRejected(
        parcel("1 Road", "\"labels\":{\"bad\\u0000key\":\"v\"}"),
        "labels",
        "must not contain control characters");
    expectFieldRejected(
        parcel("1 Road", "\"attributes\":{\"size\":{\"bad\\u0000key\":1}}"),
        "attributes.size",
        "must not contain control characters");
    expectFieldRejected(
        parcel("1 Road", "\"attributes\":{\"colours\":[\"red\",\"x\\u0000\"]}"),
        "attributes.colours[1]",
        "must not contain control characters");
  }

  @Test
  void rejectsInvalidUtf8InTheBody() {
    byte[] json = parcel("caf\u00e9", "").getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[json.length];
    System.arraycopy(json, 0, broken, 0, json.length);
    for (int i = 0; i < broken.length; i++) {
      if (broken[i] == (byte) 0xC3) {
        broken[i + 1] = '(';
      }
    }
    expectProblem(
        client
            .post()
            .uri(PARCELS)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(broken)
            .exchange(),
        400,
        "malformed-request",
        PARCELS);
  }

  @Test
  void rejectsAFractionForAnInteger() {
    expectFieldRejected(parcel("1 Road", "\"quantity\":1.5"), "quantity", "expected an integer");
    expectFieldRejected(parcel("1 Road", "\"quantity\":2.0"), "quantity", "expected an integer");
    expectFieldRejected(parcel("1 Road", "\"weight\":1e3"), "weight", "expected an integer");
  }

  @Test
  void rejectsStringsForNumbersAndBooleansAndNumbersForStrings() {
    expectFieldRejected(parcel("1 Road", "\"quantity\":\"2\""), "quantity", "expected an integer");
    expectFieldRejected(parcel("1 Road", "\"gift\":1"), "gift", "expected true or false");
    expectFieldRejected(parcel("1 Road", "\"gift\":\"true\""), "gift", "expected true or false");
    expectFieldRejected(
        "{\"address\":{\"name\":\"Ada\",\"line1\":12,\"country\":\"GB\"}}",
        "address.line1",
        "expected a string");
  }

  @Test
  void rejectsNullForAPrimitive() {
    expectFieldRejected(parcel("1 Road", "\"weight\":null"), "weight", "expected an integer");
  }

  @Test
  void rejectsOverflowingNumbers() {
    expectFieldRejected(
        parcel("1 Road", "\"weight\":9223372036854775808"),
        "weight",
        "out of range for an integer");
  }

  @Test
  void rejectsADuplicateField() {
    expectProblem(
        post(parcel("1 Road", "\"quantity\":1,\"quantity\":99")),
        400,
        "malformed-request",
        PARCELS);
  }

  @Test
  void rejectsTrailingContent() {
    expectProblem(post(parcel("1 Road", "") + " {}"), 400, "malformed-request", PARCELS);
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "[".repeat(200) + "]".repeat(200);
    expectProblem(
            post(parcel("1 Road", "\"attributes\":{\"deep\":" + deep + "}")),
            400,
            "malformed-request",
            PARCELS)
        .jsonPath("$.detail")
        .isEqualTo("Request body is nested too deeply");
  }

  @Test
  void rejectsAPercentEncodedNulInThePathAsAProblem() {
    expectProblem(
            client.get().uri(raw("/input/skus/A%00B")).exchange(),
            400,
            "malformed-request",
            "/input/skus/A%00B")
        .jsonPath("$.errors[0].field")
        .isEqualTo("path");
  }

  @Test
  void rejectsAControlCharacterInAPathVariableNamingIt() {
    expectProblem(
            client.get().uri(raw("/input/skus/A%07B")).exchange(),
            400,
            "validation-failed",
            "/input/skus/A%07B")
        .jsonPath("$.errors[0].field")
        .isEqualTo("sku")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must not contain control characters");
  }

  @Test
  void rejectsAPercentEncodedNulInAQueryParameter() {
    expectProblem(
            client.get().uri(raw("/input/search?q=lamp%00")).exchange(),
            400,
            "validation-failed",
            "/input/search")
        .jsonPath("$.errors[0].field")
        .isEqualTo("q")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must not contain control characters");
  }

  @Test
  void rejectsAControlCharacterInAnyValueOfARepeatedQueryParameter() {
    client
        .get()
        .uri("/input/tagged?tag=lamp&tag=desk")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("tags=lamp,desk");
    for (String query : List.of("tag=lamp%00", "tag=lamp&tag=de%07sk")) {
      expectProblem(
              client.get().uri(raw("/input/tagged?" + query)).exchange(),
              400,
              "validation-failed",
              "/input/tagged")
          .jsonPath("$.errors[0].field")
          .isEqualTo("tag")
          .jsonPath("$.errors[0].message")
          .isEqualTo("must not contain control characters");
    }
  }

  @Test
  void rejectsInvalidUtf8InAQueryParameterEvenWhenNoHandlerReadsIt() {
    expectProblem(
            client.get().uri(raw("/input/search?q=ok&page=%C3%28")).exchange(),
            400,
            "malformed-request",
            "/input/search")
        .jsonPath("$.errors[0].field")
        .isEqualTo("page")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must be percent-encoded UTF-8");
  }

  @Test
  void rejectsInvalidUtf8InThePath() {
    expectProblem(
            client.get().uri(raw("/input/skus/%C3%28")).exchange(),
            400,
            "malformed-request",
            "/input/skus/%C3%28")
        .jsonPath("$.errors[0].field")
        .isEqualTo("path");
  }

  @Test
  void acceptsPercentEncodedUnicodeInPathAndQuery() {
    client
        .get()
        .uri(raw("/input/skus/caf%C3%A9"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("café");
    client
        .get()
        .uri(raw("/input/search?q=caf%C3%A9+cr%C3%A8me"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("q=café crème");
  }

  @Test
  void rejectsAControlCharacterInAHeaderAHandlerReads() {
    expectProblem(
            client.get().uri("/input/keyed").header("X-Key", "a\u0085b").exchange(),
            400,
            "malformed-request",
            "/input/keyed")
        .jsonPath("$.errors[0].field")
        .isEqualTo("X-Key");
  }
}
