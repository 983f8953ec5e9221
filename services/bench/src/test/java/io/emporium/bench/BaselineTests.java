package io.emporium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaselineTests {

  @Test
  void theIdleCartQueriesAreSetBesideWhatTheRelayAndTheGaugesDefaultsPredict() {
    // 4 shards: a relay round every 5 s (0.80/s) and the gauges every 15 s (0.27/s).
    assertThat(Baseline.idleQueries(16 / 15.0, 15))
        .startsWith("16 Query in 15 s; the defaults predict 1.07/s")
        .contains("0.80/s")
        .endsWith("0.27/s");
  }
}
