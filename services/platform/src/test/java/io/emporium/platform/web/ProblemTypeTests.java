package io.emporium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;

class ProblemTypeTests {

  @Test
  void knownStatusesUseTheSharedTypes() {
    assertThat(ProblemType.forStatus(HttpStatusCode.valueOf(404))).isEqualTo(ProblemType.NOT_FOUND);
    assertThat(ProblemType.forStatus(HttpStatusCode.valueOf(413)))
        .isEqualTo(ProblemType.CONTENT_TOO_LARGE);
  }

  @Test
  void otherStatusesDeriveSlugAndTitleFromTheReasonPhrase() {
    ProblemType type = ProblemType.forStatus(HttpStatusCode.valueOf(405));
    assertThat(type.uri()).hasToString("https://emporium.io/problems/method-not-allowed");
    assertThat(type.title()).isEqualTo("Method not allowed");
    assertThat(type.status()).isEqualTo(405);
  }

  @Test
  void nonStandardStatusesStillGetAType() {
    assertThat(ProblemType.forStatus(HttpStatusCode.valueOf(499)).slug()).isEqualTo("http-499");
  }
}
