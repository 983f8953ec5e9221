package io.emporium.platform.messaging.outbox;

import io.emporium.platform.messaging.outbox.PublishResult.PublishFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * What the relay does after a failed publish. A transient failure (SNS unreachable, throttling, a
 * server error) is always tried again after the backoff, so an outage of any length is ridden out.
 * A permanent one (SNS blames the entry itself) is dead-lettered once the event has failed {@code
 * deadLetterAfter} times; 0 never dead-letters.
 */
public record PublishRetries(Backoff backoff, int deadLetterAfter) {

  public PublishRetries {
    if (deadLetterAfter < 0) {
      throw new IllegalArgumentException("dead-letter-after must be 0 or more: " + deadLetterAfter);
    }
  }

  /** The delay before the next try, or empty to dead-letter the event. */
  public Optional<Duration> retryIn(int attempts, PublishFailure failure) {
    boolean giveUp = failure.permanent() && deadLetterAfter > 0 && attempts >= deadLetterAfter;
    return giveUp ? Optional.empty() : Optional.of(backoff.delay(attempts));
  }
}
