package io.emporium.order.orders;

import io.emporium.events.order.CancellationReason;

/**
 * Why an order was cancelled, in one format for every reason: a machine-readable {@code code} and a
 * sentence for the shopper. What exactly happened (which sku was short, the provider's decline
 * code) stays in the order's timeline.
 */
public record Cancellation(CancellationReason code, String message) {

  static Cancellation of(CancellationReason reason) {
    return reason == null ? null : new Cancellation(reason, messageFor(reason));
  }

  private static String messageFor(CancellationReason reason) {
    return switch (reason) {
      case OUT_OF_STOCK ->
          "Some items are no longer in stock, so the order was cancelled. Nothing was charged.";
      case PAYMENT_DECLINED ->
          "The payment was declined, so the order was cancelled. Nothing was charged.";
      case TIMEOUT ->
          "The order could not be completed in time, so it was cancelled. Nothing was charged.";
    };
  }
}
