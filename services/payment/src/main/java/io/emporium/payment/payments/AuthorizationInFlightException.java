package io.emporium.payment.payments;

/**
 * An order was cancelled while its authorization's outcome is unknown and the provider does not
 * know the authorization yet: the request may still be on its way. The cancellation is retried
 * (message redelivery, the reconciler) until the provider knows it or it is too old to arrive.
 */
class AuthorizationInFlightException extends IllegalStateException {

  AuthorizationInFlightException(String orderId) {
    super(
        "order "
            + orderId
            + " was cancelled while its authorization may still reach the provider; retrying");
  }
}
