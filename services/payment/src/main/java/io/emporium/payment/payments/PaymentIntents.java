package io.emporium.payment.payments;

import io.emporium.events.order.OrderCancelled;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Step 1 of the payment flow: record, and commit, what is about to be asked of the provider (the
 * intent status, from which the idempotency key derives) — or settle it at once when no call is
 * needed. Each method is one short transaction holding the payment's row lock; the provider is
 * never called while it is open.
 */
@Component
class PaymentIntents {

  private static final Logger log = LoggerFactory.getLogger(PaymentIntents.class);

  private final PaymentRepository payments;
  private final TransactionalOperator transactions;
  private final Clock clock = Clock.systemUTC();

  PaymentIntents(PaymentRepository payments, TransactionalOperator transactions) {
    this.payments = payments;
    this.transactions = transactions;
  }

  /**
   * StockReserved: AWAITING_STOCK → AUTHORIZING. Fails while OrderPlaced has not arrived. The
   * intent records no request time: none is sent until {@link #sending} stamps one, so a
   * cancellation that comes first releases at once instead of waiting {@code reconcile.stuck-after}
   * for a request that will never leave.
   */
  Mono<Intent> authorize(String orderId) {
    return locked(
        payments
            .lockByOrderId(orderId)
            .switchIfEmpty(Mono.error(() -> new OrderNotYetPlacedException(orderId)))
            .flatMap(
                payment -> {
                  if (payment.status() != PaymentStatus.AWAITING_STOCK) {
                    return Mono.just(new Intent(payment, false));
                  }
                  Payment next = payment.withStatus(PaymentStatus.AUTHORIZING);
                  return payments.update(next).thenReturn(new Intent(next, true));
                }));
  }

  /**
   * Before every authorize request (the first, a redelivery's, the reconciler's): records when it
   * is sent, so a cancellation waits for it from then on ({@code reconcile.stuck-after}). False —
   * send nothing — once the payment is no longer AUTHORIZING: cancelled (CANCELLING; the
   * cancellation holds the row lock while it moves the payment, so no request is sent after it read
   * this time) or recorded meanwhile.
   */
  Mono<Boolean> sending(Payment payment) {
    return Mono.defer(
        () -> payments.stampAuthorizationRequest(payment.paymentId(), clock.instant()));
  }

  /** OrderConfirmed: AUTHORIZED → CAPTURING (a real shop takes the money when it ships). */
  Mono<Intent> capture(String orderId) {
    return locked(
        payments
            .lockByOrderId(orderId)
            .flatMap(
                payment ->
                    payment.status() == PaymentStatus.AUTHORIZED
                        ? moveTo(payment, PaymentStatus.CAPTURING)
                        : Mono.just(new Intent(payment, false))));
  }

  /**
   * OrderCancelled: nothing asked yet → VOIDED at once (also when OrderPlaced has not arrived: the
   * VOIDED payment keeps it from ever being authorized); an authorization asked, held or captured →
   * CANCELLING (void or refund whatever the provider holds).
   */
  Mono<Intent> cancel(OrderCancelled cancelled) {
    return locked(
        payments
            .lockByOrderId(cancelled.orderId())
            .flatMap(this::cancel)
            .switchIfEmpty(Mono.defer(() -> voidedBeforePlaced(cancelled))));
  }

  private Mono<Intent> cancel(Payment payment) {
    return switch (payment.status()) {
      case AWAITING_STOCK -> moveTo(payment, PaymentStatus.VOIDED);
      case AUTHORIZING, AUTHORIZED, CAPTURING, CAPTURED ->
          moveTo(payment, PaymentStatus.CANCELLING);
      case CANCELLING, DECLINED, VOIDED, REFUNDED -> Mono.just(new Intent(payment, false));
    };
  }

  private Mono<Intent> moveTo(Payment payment, PaymentStatus status) {
    log.info("payment of order {}: {} → {}", payment.orderId(), payment.status(), status);
    Payment next = payment.withStatus(status);
    return payments.update(next).thenReturn(new Intent(next, true));
  }

  private Mono<Intent> voidedBeforePlaced(OrderCancelled cancelled) {
    var tombstone =
        new Payment(
            UUID.randomUUID(),
            cancelled.orderId(),
            cancelled.customer(),
            cancelled.total(),
            null,
            PaymentStatus.VOIDED,
            null,
            null);
    return payments
        .insertIfAbsent(tombstone)
        .flatMap(
            inserted ->
                inserted
                    ? Mono.just(new Intent(tombstone, true))
                    : Mono.error(
                        new IllegalStateException(
                            "payment of order " + cancelled.orderId() + " appeared concurrently")));
  }

  private Mono<Intent> locked(Mono<Intent> work) {
    return transactions.transactional(work);
  }
}
