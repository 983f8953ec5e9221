package io.emporium.payment.provider;

/**
 * The provider refused the request (4xx: invalid state, key reused, bad credentials): retrying the
 * same request will not help. Not counted by the circuit breaker.
 */
public class ProviderRejectedException extends RuntimeException {

  ProviderRejectedException(String message) {
    super(message);
  }
}
