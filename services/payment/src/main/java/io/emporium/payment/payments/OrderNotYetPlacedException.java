package io.emporium.payment.payments;

/**
 * StockReserved arrived before the order's OrderPlaced: the message fails and comes back after the
 * visibility backoff, by when OrderPlaced has usually arrived.
 */
class OrderNotYetPlacedException extends IllegalStateException {

  OrderNotYetPlacedException(String orderId) {
    super("no payment for order " + orderId + " yet: OrderPlaced has not arrived; retrying later");
  }
}
