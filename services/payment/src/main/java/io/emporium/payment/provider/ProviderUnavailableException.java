package io.emporium.payment.provider;

/**
 * The provider could not be reached, timed out or answered 5xx: the outcome of a call that moves
 * money is unknown. Retried with the same idempotency key; counted by the circuit breaker.
 */
public class ProviderUnavailableException extends RuntimeException {

  ProviderUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
