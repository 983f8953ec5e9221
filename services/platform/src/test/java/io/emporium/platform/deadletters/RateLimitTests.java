package io.emporium.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitTests {

  @Test
  void permitsAreSpacedByTheIntervalWithoutABurst() {
    long start = System.nanoTime();
    RateLimit limit = RateLimit.of(50);
    List<Long> at = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      limit.acquire();
      at.add(System.nanoTime());
    }
    for (int i = 0; i < at.size(); i++) {
      assertThat(at.get(i) - start).isGreaterThanOrEqualTo(i * 20_000_000L);
    }
  }

  @Test
  void movesOneAtATimeUnderALowRateAndTenWithout() {
    assertThat(RateLimit.of(5).batchSize()).isEqualTo(1);
    assertThat(RateLimit.of(100).batchSize()).isEqualTo(5);
    assertThat(RateLimit.of(0).batchSize()).isEqualTo(10);
    assertThat(RateLimit.of(0).unlimited()).isTrue();
  }
}
