package io.emporium.platform.messaging.outbox;

import java.time.Instant;

/**
 * A store's outbox at one moment.
 *
 * @param pending events waiting to be published (dead letters not included)
 * @param retrying the pending events whose publish failed at least once
 * @param deadLettered events the relay stopped trying
 * @param oldestCreatedAt when the oldest pending event was written, or null when none is
 */
public record OutboxStats(long pending, long retrying, long deadLettered, Instant oldestCreatedAt) {

  public static final OutboxStats EMPTY = new OutboxStats(0, 0, 0, null);
}
