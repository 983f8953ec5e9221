package io.emporium.platform.messaging.inbox;

import io.emporium.events.EventEnvelope;
import reactor.core.publisher.Mono;

/**
 * The port of idempotent consumption: a store records each event id in the same unit of work as the
 * effect the event causes (a PostgreSQL transaction, a DynamoDB TransactWriteItems), so the effect
 * happens once however often the event is delivered.
 */
public interface ProcessedEvents {

  /**
   * Runs {@code effect} unless {@code envelope}'s event was processed already, and records it in
   * the same unit of work. A duplicate is skipped (and counted in {@code
   * emporium.events.duplicates}); a failed effect records nothing, so a redelivery applies it.
   */
  Mono<Void> once(EventEnvelope envelope, Mono<Void> effect);
}
