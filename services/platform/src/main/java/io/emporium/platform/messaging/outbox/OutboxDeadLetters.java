package io.emporium.platform.messaging.outbox;

import java.util.Collection;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The dead letters of a service's outbox, for on-call (the admin API and {@code ./emporium dlq}):
 * read them, and put chosen ones back to pending so that the relay publishes them again.
 */
public interface OutboxDeadLetters {

  /** At most this many are read at once (a larger pile is reported as this many). */
  int CAP = 10_000;

  /** The store: {@code r2dbc} or {@code dynamodb}. */
  String store();

  /** Every dead letter (at most {@link #CAP}), oldest event first. */
  Flux<OutboxDeadLetter> list();

  /**
   * Makes those of {@code ids} that are still dead letters due now with no failed attempt, and
   * wakes the relay; emits them as they were before. An id that is not a dead letter (published,
   * already put back, unknown) is skipped.
   */
  Flux<OutboxDeadLetter> requeue(Collection<UUID> ids);
}
