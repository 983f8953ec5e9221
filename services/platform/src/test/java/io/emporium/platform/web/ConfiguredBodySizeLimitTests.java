package io.emporium.platform.web;

import static io.emporium.platform.web.BodySizeLimitTests.chunked;
import static io.emporium.platform.web.BodySizeLimitTests.note;
import static io.emporium.platform.web.ProblemExpectations.expectProblem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code emporium.web.max-body-size} moves both the Content-Length check and the codec limit. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "emporium.web.max-body-size=4KB")
class ConfiguredBodySizeLimitTests {

  @Autowired WebTestClient client;

  @Test
  void declaredLengthOverTheConfiguredLimitIsRejected() {
    expectProblem(
            client
                .post()
                .uri("/test/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(note(5 * 1024))
                .exchange(),
            413,
            "content-too-large",
            "/test/notes")
        .jsonPath("$.detail")
        .isEqualTo("Request body exceeds the limit of 4096 bytes");
  }

  @Test
  void chunkedBodyOverTheConfiguredLimitIsRejectedByTheCodecs() {
    expectProblem(
        client
            .post()
            .uri("/test/notes")
            .contentType(MediaType.APPLICATION_JSON)
            .body(chunked(note(40 * 1024)), DataBuffer.class)
            .exchange(),
        413,
        "content-too-large",
        "/test/notes");
  }

  @Test
  void bodyWithinTheConfiguredLimitIsAccepted() {
    client
        .post()
        .uri("/test/notes")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(note(3 * 1024))
        .exchange()
        .expectStatus()
        .isOk();
  }
}
