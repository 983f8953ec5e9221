package io.emporium.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Collects answers of a phase from many threads: latencies of 2xx, counts of the others. */
final class Recorder {

  private final String name;
  private final AtomicLong total = new AtomicLong();
  private long[] nanos = new long[1024];
  private int size;
  private final Map<Integer, Long> failures = new TreeMap<>();

  Recorder(String name) {
    this.name = name;
  }

  /** Status 0 means no answer (timeout, connection error). */
  synchronized void record(int status, long latencyNanos) {
    total.incrementAndGet();
    if (status >= 200 && status < 300) {
      if (size == nanos.length) {
        nanos = java.util.Arrays.copyOf(nanos, size * 2);
      }
      nanos[size++] = latencyNanos;
    } else {
      failures.merge(status, 1L, Long::sum);
    }
  }

  long total() {
    return total.get();
  }

  synchronized LoadResult result(double seconds) {
    return new LoadResult(
        name,
        size,
        Map.copyOf(failures),
        seconds,
        Latencies.ofNanos(java.util.Arrays.copyOf(nanos, size)));
  }
}
