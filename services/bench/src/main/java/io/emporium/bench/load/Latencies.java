package io.emporium.bench.load;

import java.util.Arrays;

/** Latencies of one phase, kept whole (a phase has at most some tens of thousands). */
public final class Latencies {

  private final long[] sortedNanos;

  private Latencies(long[] sortedNanos) {
    this.sortedNanos = sortedNanos;
  }

  public static Latencies ofNanos(long... nanos) {
    long[] copy = nanos.clone();
    Arrays.sort(copy);
    return new Latencies(copy);
  }

  public int count() {
    return sortedNanos.length;
  }

  /**
   * The {@code p}-th percentile (0 < p ≤ 100) in milliseconds, nearest rank: the smallest value
   * with at least p % of the values at or below it; NaN without values.
   */
  public double percentileMillis(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(rank, 1) - 1] / 1_000_000.0;
  }

  public double p50() {
    return percentileMillis(50);
  }

  public double p99() {
    return percentileMillis(99);
  }

  public double maxMillis() {
    return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
  }
}
