package io.emporium.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyTests {

  @Test
  void takesNearestRankPercentilesAndTheSlowest() {
    List<Duration> latencies =
        IntStream.rangeClosed(1, 200).mapToObj(Duration::ofSeconds).toList().reversed();

    Latency latency = Latency.of(latencies);

    assertThat(latency.p50()).isEqualTo(Duration.ofSeconds(100));
    assertThat(latency.p99()).isEqualTo(Duration.ofSeconds(198));
    assertThat(latency.max()).isEqualTo(Duration.ofSeconds(200));
  }

  @Test
  void noSettledOrderIsAllZero() {
    assertThat(Latency.of(List.of()))
        .isEqualTo(new Latency(Duration.ZERO, Duration.ZERO, Duration.ZERO));
  }
}
