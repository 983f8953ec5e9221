package io.emporium.platform.web;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Asserts the RFC 9457 shape every error response must have: the status, {@code
 * application/problem+json}, a title and a detail; and, when given, the problem type's slug and the
 * instance. Every service's tests use these (no copies).
 */
public final class ProblemExpectations {

  private ProblemExpectations() {}

  public static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, int status, String slug, String instance) {
    return expectProblem(response, status, slug).jsonPath("$.instance").isEqualTo(instance);
  }

  public static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, int status, String slug) {
    return expectProblem(response, status).jsonPath("$.type").isEqualTo(ProblemType.BASE + slug);
  }

  public static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, int status) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.title")
        .isNotEmpty()
        .jsonPath("$.detail")
        .isNotEmpty();
  }
}
