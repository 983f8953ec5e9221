package io.emporium.platform.messaging.inbox;

import reactor.core.publisher.Mono;

/**
 * What handling one event does, as a listener's switch returns it; {@link InboundEvents} runs it
 * and records the event where the store allows, so no listener applies idempotency itself.
 *
 * <pre>{@code
 * return inbound.handle(message, OrderEvent.class, event -> switch (event) {
 *   case OrderPlaced placed -> Effect.once(reservations.reserve(placed.orderId(), ...));
 *   case OrderConfirmed confirmed -> Effect.idempotent(payments.capture(confirmed.orderId()));
 *   case OrderCancelled cancelled -> Effect.none();
 * });
 * }</pre>
 */
public sealed interface Effect {

  /**
   * A change that happens once per event: it commits with the record of the event (one transaction,
   * or one TransactWriteItems) and a duplicate skips it.
   */
  static Once once(Mono<Void> change) {
    return new Once(change, Mono.empty());
  }

  /**
   * Work that is safe to repeat on its own (e.g. a call to a provider with an idempotency key, a
   * state check before each step), run outside any transaction; the event is recorded once it
   * succeeded.
   */
  static Effect idempotent(Mono<Void> work) {
    return new Idempotent(work);
  }

  /** The event changes nothing here (a type the queue receives for another branch of the saga). */
  static Effect none() {
    return new None();
  }

  /** The change once, then {@code after} on every delivery (so it must be repeat-safe). */
  record Once(Mono<Void> change, Mono<Void> after) implements Effect {

    /** {@code next} runs after the change committed, also on a redelivery of a processed event. */
    public Once andThen(Mono<Void> next) {
      return new Once(change, after.then(next));
    }
  }

  /** See {@link #idempotent(Mono)}. */
  record Idempotent(Mono<Void> work) implements Effect {}

  /** See {@link #none()}. */
  record None() implements Effect {}
}
