package io.emporium.payment.payments;

import java.util.Set;

/**
 * Where a payment stands. The -ING statuses are intents: recorded and committed before the provider
 * is called, they say a call may have reached it and its outcome is not recorded yet (settled by
 * the next delivery or the reconciler). VOIDED also covers an order cancelled before anything was
 * authorized (its ledger is then empty): nothing is held and nothing ever will be.
 */
public enum PaymentStatus {
  AWAITING_STOCK,
  AUTHORIZING,
  AUTHORIZED,
  DECLINED,
  CAPTURING,
  CAPTURED,
  CANCELLING,
  VOIDED,
  REFUNDED;

  /** The statuses whose provider call may be in flight or unrecorded. */
  static final Set<PaymentStatus> INTENTS = Set.of(AUTHORIZING, CAPTURING, CANCELLING);
}
