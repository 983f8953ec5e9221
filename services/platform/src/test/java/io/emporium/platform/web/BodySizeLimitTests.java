package io.emporium.platform.web;

import static io.emporium.platform.web.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** The default 256KB limit, declared (Content-Length) or discovered while reading (chunked). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BodySizeLimitTests {

  static final int LIMIT = 256 * 1024;

  @Autowired WebTestClient client;
  @Autowired RequestRecorder recorder;

  private void assertSentChunked() {
    assertThat(recorder.lastHeaders().getContentLength()).isEqualTo(-1);
    assertThat(recorder.lastHeaders().getFirst(HttpHeaders.TRANSFER_ENCODING)).isEqualTo("chunked");
  }

  static String note(int bytes) {
    String prefix = "{\"text\": \"";
    String suffix = "\"}";
    return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
  }

  /** A body sent in several chunks with no Content-Length (Transfer-Encoding: chunked). */
  static Flux<DataBuffer> chunked(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    int chunk = 16 * 1024;
    return Flux.<Integer>range(0, (bytes.length + chunk - 1) / chunk)
        .<DataBuffer>map(
            i ->
                DefaultDataBufferFactory.sharedInstance.wrap(
                    ByteBuffer.wrap(bytes, i * chunk, Math.min(chunk, bytes.length - i * chunk))));
  }

  @Test
  void bodyWithinTheLimitIsAccepted() {
    client
        .post()
        .uri("/test/notes")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(note(LIMIT - 1024))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void declaredContentLengthOverTheLimitIsContentTooLarge() {
    expectProblem(
            client
                .post()
                .uri("/test/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(note(LIMIT + 1))
                .exchange(),
            413,
            "content-too-large",
            "/test/notes")
        .jsonPath("$.detail")
        .isEqualTo("Request body exceeds the limit of " + LIMIT + " bytes");
    assertThat(recorder.lastHeaders().getContentLength()).isGreaterThan(LIMIT);
  }

  @Test
  void chunkedBodyOverTheLimitIsContentTooLarge() {
    expectProblem(
            client
                .post()
                .uri("/test/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(note(LIMIT + 64 * 1024)), DataBuffer.class)
                .exchange(),
            413,
            "content-too-large",
            "/test/notes")
        .jsonPath("$.title")
        .isEqualTo("Content too large");
    assertSentChunked();
  }

  @Test
  void chunkedBodyWithinTheLimitIsAccepted() {
    client
        .post()
        .uri("/test/notes")
        .contentType(MediaType.APPLICATION_JSON)
        .body(chunked(note(64 * 1024)), DataBuffer.class)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Integer.class)
        .isEqualTo(64 * 1024 - 12);
    assertSentChunked();
  }
}
