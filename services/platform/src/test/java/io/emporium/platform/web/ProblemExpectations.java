package io.emporium.platform.web;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Asserts the RFC 9457 shape every error response must have. */
public final class ProblemExpectations {

  private ProblemExpectations() {}

  public static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, int status, String slug, String instance) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(ProblemType.BASE + slug)
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.title")
        .isNotEmpty()
        .jsonPath("$.detail")
        .isNotEmpty()
        .jsonPath("$.instance")
        .isEqualTo(instance);
  }
}
