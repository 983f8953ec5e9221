package io.emporium.payment.payments;

import io.emporium.payment.payments.LedgerEntry.Kind;
import io.emporium.payment.provider.ProviderPayment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A payment's ledger: the entries {@link PaymentOutcomes} records, in the caller's transaction.
 * Appends are idempotent, so an outcome recorded twice leaves one entry of each kind.
 */
@Component
class Ledger {

  private final PaymentRepository payments;

  Ledger(PaymentRepository payments) {
    this.payments = payments;
  }

  /** Every ledger entry the provider's view of the payment implies (idempotent). */
  Mono<Void> impliedBy(Payment payment, ProviderPayment result) {
    if (!result.approved()) {
      return append(payment, Kind.DECLINE, result.declineCode());
    }
    Mono<Void> entries = append(payment, Kind.AUTHORIZATION, result.authorizationCode());
    return switch (result.status()) {
      case AUTHORIZED, DECLINED -> entries;
      case CAPTURED -> entries.then(append(payment, Kind.CAPTURE, result.paymentId()));
      case VOIDED -> entries.then(append(payment, Kind.VOID, result.paymentId()));
      case REFUNDED ->
          entries
              .then(append(payment, Kind.CAPTURE, result.paymentId()))
              .then(append(payment, Kind.REFUND, result.paymentId()));
    };
  }

  Mono<Void> append(Payment payment, Kind kind, String reference) {
    return payments.append(payment.paymentId(), LedgerEntry.of(kind, payment.amount(), reference));
  }
}
