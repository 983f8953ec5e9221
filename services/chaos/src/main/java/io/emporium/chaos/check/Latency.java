package io.emporium.chaos.check;

import java.time.Duration;
import java.util.List;

/** Saga latencies (checkout to outcome) of a phase's settled orders: p50, p99 and the slowest. */
public record Latency(Duration p50, Duration p99, Duration max) {

  public static Latency of(List<Duration> latencies) {
    if (latencies.isEmpty()) {
      return new Latency(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
    List<Duration> sorted = latencies.stream().sorted().toList();
    return new Latency(percentile(sorted, 50), percentile(sorted, 99), sorted.getLast());
  }

  /** Nearest-rank percentile. */
  static Duration percentile(List<Duration> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  @Override
  public String toString() {
    return "%s / %s / %s".formatted(seconds(p50), seconds(p99), seconds(max));
  }

  static String seconds(Duration duration) {
    return "%.1fs".formatted(duration.toMillis() / 1000.0);
  }
}
