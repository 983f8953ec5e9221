package io.emporium.payment.payments;

import io.emporium.events.payment.PaymentAuthorized;
import io.emporium.events.payment.PaymentDeclined;
import io.emporium.events.payment.PaymentRefunded;
import io.emporium.payment.payments.LedgerEntry.Kind;
import io.emporium.payment.provider.ProviderPayment;
import io.emporium.platform.messaging.r2dbc.R2dbcOutbox;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Step 3 of the payment flow: record what the provider answered — status, ledger and the events it
 * causes (outbox) — in one transaction that re-reads the payment under its lock. An outcome that
 * arrives when the payment has moved on (another delivery or the reconciler recorded it first, or
 * the order was cancelled meanwhile) changes only what is still true.
 */
@Component
class PaymentOutcomes {

  private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

  private final PaymentRepository payments;
  private final Ledger ledger;
  private final R2dbcOutbox outbox;
  private final AuthorizationMetrics metrics;
  private final TransactionalOperator transactions;

  PaymentOutcomes(
      PaymentRepository payments,
      Ledger ledger,
      R2dbcOutbox outbox,
      AuthorizationMetrics metrics,
      TransactionalOperator transactions) {
    this.payments = payments;
    this.ledger = ledger;
    this.outbox = outbox;
    this.metrics = metrics;
    this.transactions = transactions;
  }

  /**
   * The authorization's outcome. AUTHORIZING → AUTHORIZED (PaymentAuthorized) or DECLINED
   * (PaymentDeclined); CANCELLING (cancelled meanwhile) → the ledger only, the payment stays
   * CANCELLING to be released. Returns the payment as recorded.
   */
  Mono<Payment> authorization(Payment intent, ProviderPayment result) {
    return locked(
        intent,
        payment ->
            switch (payment.status()) {
              case AUTHORIZING ->
                  result.approved() ? authorized(payment, result) : declined(payment, result);
              case CANCELLING ->
                  ledger
                      .impliedBy(payment, result)
                      .then(payments.update(payment.withProviderPaymentId(result.paymentId())))
                      .thenReturn(payment.withProviderPaymentId(result.paymentId()));
              default -> Mono.just(payment);
            });
  }

  /** CAPTURING → CAPTURED. */
  Mono<Payment> capture(Payment intent, ProviderPayment result) {
    return locked(
        intent,
        payment -> {
          if (payment.status() != PaymentStatus.CAPTURING) {
            return Mono.just(payment);
          }
          Payment captured = payment.withStatus(PaymentStatus.CAPTURED);
          return payments
              .update(captured)
              .then(ledger.append(payment, Kind.CAPTURE, result.paymentId()))
              .thenReturn(captured);
        });
  }

  /**
   * CANCELLING → VOIDED or REFUNDED, as the provider now holds it ({@code result} null: nothing
   * ever reached it). PaymentRefunded when money had been held.
   */
  Mono<Payment> release(Payment intent, ProviderPayment result) {
    return locked(
        intent,
        payment ->
            payment.status() == PaymentStatus.CANCELLING
                ? released(payment, result, "released")
                : Mono.just(payment));
  }

  /**
   * An authorization that landed after its payment was released with nothing held, now voided (or
   * refunded): recorded as the release would have (provider id, ledger, PaymentRefunded).
   */
  Mono<Payment> lateRelease(Payment intent, ProviderPayment result) {
    return locked(
        intent,
        payment ->
            payment.status() == PaymentStatus.VOIDED && payment.providerPaymentId() == null
                ? released(payment, result, "released late")
                : Mono.just(payment));
  }

  /** Looked up again and still unknown to the provider: the others are looked up first next. */
  Mono<Void> stillNothingHeld(Payment payment) {
    return payments.touchReleased(payment.paymentId());
  }

  private Mono<Payment> released(Payment payment, ProviderPayment result, String how) {
    boolean refunded = result != null && result.status() == ProviderPayment.Status.REFUNDED;
    Payment released = payment.withStatus(refunded ? PaymentStatus.REFUNDED : PaymentStatus.VOIDED);
    log.info(
        "payment of order {} {}: {} (provider: {})",
        payment.orderId(),
        how,
        released.status(),
        result == null ? "nothing held" : result.status());
    if (result == null) {
      return payments.update(released).thenReturn(released);
    }
    Payment recorded = released.withProviderPaymentId(result.paymentId());
    if (!result.approved()) {
      return payments.update(recorded).then(ledger.impliedBy(payment, result)).thenReturn(recorded);
    }
    return payments
        .update(recorded)
        .then(ledger.impliedBy(payment, result))
        .then(
            outbox.append(
                new PaymentRefunded(
                    payment.paymentId().toString(),
                    payment.orderId(),
                    payment.customer(),
                    payment.amount())))
        .then(refunded ? metrics.refunded() : metrics.voided())
        .thenReturn(recorded);
  }

  private Mono<Payment> authorized(Payment payment, ProviderPayment result) {
    Payment authorized =
        payment.withStatus(PaymentStatus.AUTHORIZED).withProviderPaymentId(result.paymentId());
    return payments
        .update(authorized)
        .then(ledger.append(payment, Kind.AUTHORIZATION, result.authorizationCode()))
        .then(
            outbox.append(
                new PaymentAuthorized(
                    payment.paymentId().toString(),
                    payment.orderId(),
                    payment.amount(),
                    result.authorizationCode())))
        .then(metrics.authorized())
        .thenReturn(authorized);
  }

  private Mono<Payment> declined(Payment payment, ProviderPayment result) {
    Payment declined =
        payment.withStatus(PaymentStatus.DECLINED).withProviderPaymentId(result.paymentId());
    return payments
        .update(declined)
        .then(ledger.append(payment, Kind.DECLINE, result.declineCode()))
        .then(
            outbox.append(
                new PaymentDeclined(
                    payment.paymentId().toString(),
                    payment.orderId(),
                    payment.amount(),
                    result.declineCode(),
                    result.declineMessage())))
        .then(metrics.declined(result.declineCode()))
        .thenReturn(declined);
  }

  private Mono<Payment> locked(Payment intent, Function<Payment, Mono<Payment>> work) {
    return transactions.transactional(
        payments
            .lockByOrderId(intent.orderId())
            .switchIfEmpty(
                Mono.error(
                    () ->
                        new IllegalStateException("payment of " + intent.orderId() + " vanished")))
            .flatMap(work));
  }
}
