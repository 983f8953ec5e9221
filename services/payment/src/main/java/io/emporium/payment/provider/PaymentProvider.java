package io.emporium.payment.provider;

import io.emporium.events.Money;
import reactor.core.publisher.Mono;

/**
 * A card processor. Both calls are idempotent by key: the same key returns the first call's result
 * and never moves money twice, so a caller may retry after a crash or a rolled-back transaction.
 */
public interface PaymentProvider {

  /** Asks the provider to hold {@code amount} on the card behind {@code paymentMethodToken}. */
  Mono<AuthorizationResult> authorize(
      String idempotencyKey, String paymentMethodToken, Money amount);

  /** Releases an authorization; returns the provider's reference of the void. */
  Mono<String> voidAuthorization(String idempotencyKey, String authorizationCode);
}
