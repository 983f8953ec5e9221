package io.emporium.payment.provider;

import io.emporium.events.Money;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A card processor. Every call that moves money carries an idempotency key: the same key gets the
 * first call's answer and never moves money twice, so a caller may retry after a timeout, a crash
 * or a failed commit. An unknown outcome is resolved with {@link #findAuthorization}.
 *
 * <p>Errors: {@link ProviderUnavailableException} when the provider could not be reached or
 * answered 5xx (the outcome may be unknown: retry with the same key or look it up); {@link
 * ProviderRejectedException} when it refused the request (4xx: retrying will not help).
 */
public interface PaymentProvider {

  /** Asks the provider to hold {@code amount} on the card behind {@code paymentMethodToken}. */
  Mono<ProviderPayment> authorize(
      String idempotencyKey, String paymentMethodToken, Money amount, String reference);

  /** The payment an authorization with this key created; empty if none reached the provider. */
  Mono<Optional<ProviderPayment>> findAuthorization(String authorizationKey);

  /** Takes the held amount. */
  Mono<ProviderPayment> capture(String idempotencyKey, String providerPaymentId);

  /** Releases the hold (before capture). */
  Mono<ProviderPayment> voidAuthorization(String idempotencyKey, String providerPaymentId);

  /** Pays a captured amount back. */
  Mono<ProviderPayment> refund(String idempotencyKey, String providerPaymentId);
}
