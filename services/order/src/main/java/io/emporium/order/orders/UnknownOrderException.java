package io.emporium.order.orders;

/**
 * An event names an order this service does not have (yet): its CartCheckedOut may not be
 * processed. The message fails and comes back after the visibility backoff.
 */
public class UnknownOrderException extends RuntimeException {

  UnknownOrderException(String orderId) {
    super("order " + orderId + " is not known (yet); retried later");
  }
}
