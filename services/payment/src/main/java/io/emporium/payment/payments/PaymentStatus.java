package io.emporium.payment.payments;

/**
 * Where a payment stands. VOIDED also covers an order cancelled before anything was authorized (its
 * ledger is then empty): nothing is held and nothing ever will be.
 */
public enum PaymentStatus {
  AWAITING_STOCK,
  AUTHORIZED,
  DECLINED,
  REFUNDED,
  VOIDED
}
