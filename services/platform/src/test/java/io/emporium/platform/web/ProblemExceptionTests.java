package io.emporium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemExceptionTests {

  @Test
  void carriesExtensionMembers() {
    ProblemException problem = new ConflictException("stale cart").with("currentVersion", 4);

    assertThat(problem.properties()).containsEntry("currentVersion", 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"type", "title", "status", "detail", "instance", "errors", "traceId"})
  void refusesToOverwriteAStandardMember(String member) {
    ProblemException problem = new ConflictException("cart is checked out");

    assertThatThrownBy(() -> problem.with(member, "CHECKED_OUT"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(member);
    assertThat(problem.properties()).isEmpty();
  }

  @Test
  void forbiddenIsA403() {
    assertThat(new ForbiddenException("admins only").type().status()).isEqualTo(403);
  }
}
