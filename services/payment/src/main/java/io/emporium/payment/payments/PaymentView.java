package io.emporium.payment.payments;

import io.emporium.events.Money;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/payment/payments?orderId=}: the payment and its ledger, oldest entry first. */
record PaymentView(
    UUID paymentId, String orderId, PaymentStatus status, Money amount, List<LedgerEntry> ledger) {

  static PaymentView of(Payment payment, List<LedgerEntry> ledger) {
    return new PaymentView(
        payment.paymentId(), payment.orderId(), payment.status(), payment.amount(), ledger);
  }
}
