package io.emporium.platform.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a relay round decided about the events it claimed, for the store to apply: delete the
 * published ones, reschedule the retries, dead-letter the rest.
 */
public record Settlement(Set<UUID> published, List<Retry> retries, List<DeadLetter> deadLetters) {

  /** Try {@code event} again in {@code delay}; it has now failed {@code attempts} times. */
  public record Retry(PendingEvent event, int attempts, Duration delay, String reason) {}

  /**
   * Stop trying {@code event}: it stays in the outbox, never due again, with its reason, until
   * on-call replays or removes it.
   */
  public record DeadLetter(PendingEvent event, int attempts, String reason) {}
}
