package io.emporium.platform.messaging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal" jitter: half fixed, half random, capped. */
public record Backoff(Duration initial, Duration max) {

  /** The delay before retry number {@code attempt} (1 for the first retry). */
  public Duration delay(int attempt) {
    int exponent = Math.min(Math.max(attempt - 1, 0), 30);
    long millis = Math.min(max.toMillis(), initial.toMillis() << exponent);
    long half = millis / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }
}
