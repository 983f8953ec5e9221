package io.emporium.platform.deadletters;

import java.time.Duration;

/**
 * At most {@code perSecond} permits a second, evenly spaced (no burst): the n-th permit is given no
 * earlier than 1/rate after the one before it. So any window of w seconds holds at most w × rate +
 * 1 permits, however late a caller comes back.
 */
final class RateLimit {

  private final long intervalNanos;
  private long next;

  private RateLimit(double perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    this.next = System.nanoTime();
  }

  /** {@code perSecond} ≤ 0: no limit. */
  static RateLimit of(double perSecond) {
    return new RateLimit(perSecond);
  }

  boolean unlimited() {
    return intervalNanos == 0;
  }

  /** How many messages to move per round: one at a time under a limit of less than 20/s. */
  int batchSize() {
    if (unlimited()) {
      return 10;
    }
    long perSecond = 1_000_000_000L / intervalNanos;
    return (int) Math.max(1, Math.min(10, perSecond / 20));
  }

  /** Waits for the next permit. */
  void acquire() {
    if (unlimited()) {
      return;
    }
    long now = System.nanoTime();
    long at = Math.max(now, next);
    next = at + intervalNanos;
    sleep(Duration.ofNanos(at - now));
  }

  private static void sleep(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
