package io.emporium.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

  @Test
  void doublesTheDelayPerFailureUpToTheCap() {
    assertThat(backoff.cap(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.cap(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.cap(6)).isEqualTo(Duration.ofSeconds(32));
    assertThat(backoff.cap(7)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.cap(1_000)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void jittersWithinTheUpperHalfOfTheDelayAndNeverRetriesAtOnce() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(backoff.delay(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
      assertThat(backoff.delay(1)).isPositive();
    }
  }

  @Test
  void rejectsAMaximumBelowTheInitialDelay() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
