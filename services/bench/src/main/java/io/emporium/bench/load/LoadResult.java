package io.emporium.bench.load;

import java.util.Map;

/**
 * What a load phase measured: answers within the measured window (after warm-up), those that failed
 * (not 2xx, or no answer) by status, the window's length and the successful answers' latencies.
 */
public record LoadResult(
    String name, long ok, Map<Integer, Long> failures, double seconds, Latencies latencies) {

  public double perSecond() {
    return seconds <= 0 ? 0 : ok / seconds;
  }

  public long failed() {
    return failures.values().stream().mapToLong(Long::longValue).sum();
  }

  public String summary() {
    return "%s: %d ok, %d failed %s, %.1f/s, p50 %.1f ms, p99 %.1f ms"
        .formatted(
            name,
            ok,
            failed(),
            failures.isEmpty() ? "" : failures.toString(),
            perSecond(),
            latencies.p50(),
            latencies.p99());
  }
}
