package io.emporium.events.order;

/** Why an order was cancelled. */
public enum CancellationReason {
  OUT_OF_STOCK,
  PAYMENT_DECLINED,
  TIMEOUT
}
