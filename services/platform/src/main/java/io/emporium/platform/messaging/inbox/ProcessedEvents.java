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
   * The store's name (r2dbc, dynamodb): the {@code store} tag of {@code
   * emporium.events.duplicates}.
   */
  String name();

  /**
   * Runs {@code effect} unless {@code envelope}'s event was processed already, and records it in
   * the same unit of work: true when the effect ran, false when the event was a duplicate and was
   * skipped ({@link InboundEvents} counts and logs it). A failed effect records nothing, so a
   * redelivery applies it.
   */
  Mono<Boolean> once(EventEnvelope envelope, Mono<Void> effect);
}
