package io.emporium.platform.messaging.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": after the n-th failure the delay is d/2 + random(0, d/2]
 * where d = min(max, initial × 2^(n-1)). Never zero, so a failed item is always retried later.
 */
record Backoff(Duration initial, Duration max) {

  Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < initial <= max: " + initial + ", " + max);
    }
  }

  /** When an item that has now failed {@code attempts} times (≥ 1) may be tried again. */
  Instant next(Instant now, int attempts) {
    long half = cap(attempts).toMillis() / 2;
    long jitter = ThreadLocalRandom.current().nextLong(half + 1);
    return now.plusMillis(Math.max(1, half + jitter));
  }

  /** The delay before jitter after {@code attempts} failures. */
  Duration cap(int attempts) {
    int doublings = Math.min(Math.max(attempts, 1) - 1, 30);
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
