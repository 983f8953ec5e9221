package io.emporium.platform.web;

import static io.emporium.platform.web.ProblemExpectations.expectProblem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Errors raised before any controller runs are problems too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingProblemsTests {

  @Autowired WebTestClient client;

  @Test
  void unknownRouteIsNotFound() {
    expectProblem(client.get().uri("/api/nowhere").exchange(), 404, "not-found", "/api/nowhere")
        .jsonPath("$.title")
        .isEqualTo("Not found")
        .jsonPath("$.detail")
        .isEqualTo("No resource at /api/nowhere");
  }

  @Test
  void unknownRouteWithABodyIsNotFound() {
    expectProblem(
        client
            .post()
            .uri("/api/nowhere")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange(),
        404,
        "not-found",
        "/api/nowhere");
  }

  @Test
  void wrongMethodIsMethodNotAllowedWithAllow() {
    expectProblem(
            client.delete().uri("/test/search").exchange(),
            405,
            "method-not-allowed",
            "/test/search")
        .jsonPath("$.title")
        .isEqualTo("Method not allowed");
    client.delete().uri("/test/search").exchange().expectHeader().valueEquals("Allow", "GET");
  }

  @Test
  void wrongContentTypeIsUnsupportedMediaType() {
    expectProblem(
            client
                .post()
                .uri("/test/orders")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("reference=r1")
                .exchange(),
            415,
            "unsupported-media-type",
            "/test/orders")
        .jsonPath("$.title")
        .isEqualTo("Unsupported media type");
  }

  @Test
  void problemIsRenderedEvenWhenTheClientAcceptsOnlyHtml() {
    expectProblem(
        client.get().uri("/api/nowhere").accept(MediaType.TEXT_HTML).exchange(),
        404,
        "not-found",
        "/api/nowhere");
  }
}
