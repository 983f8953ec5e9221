package io.emporium.platform.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": after the n-th failure the delay is d/2 + random(0, d/2]
 * where d = min(max, initial × 2^(n-1)). Never zero, so a failed event is always retried later.
 */
public record Backoff(Duration initial, Duration max) {

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < initial <= max: " + initial + ", " + max);
    }
  }

  /** The delay before the next try of something that has now failed {@code attempts} times. */
  public Duration delay(int attempts) {
    long half = cap(attempts).toMillis() / 2;
    long jitter = ThreadLocalRandom.current().nextLong(half + 1);
    return Duration.ofMillis(Math.max(1, half + jitter));
  }

  /** The delay before jitter after {@code attempts} failures. */
  Duration cap(int attempts) {
    int doublings = Math.min(Math.max(attempts, 1) - 1, 30);
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
