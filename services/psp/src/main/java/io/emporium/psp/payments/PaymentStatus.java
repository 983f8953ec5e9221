package io.emporium.psp.payments;

/** Where a payment stands at the provider. */
public enum PaymentStatus {
  /** The amount is held on the card. */
  AUTHORIZED,
  /** Refused: nothing is held. */
  DECLINED,
  /** The held amount was taken. */
  CAPTURED,
  /** The hold was released before capture. */
  VOIDED,
  /** The captured amount was paid back. */
  REFUNDED
}
