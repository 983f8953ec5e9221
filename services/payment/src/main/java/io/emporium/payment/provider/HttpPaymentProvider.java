package io.emporium.payment.provider;

import io.emporium.events.Money;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * The provider over HTTP ({@code services/psp}'s API, the shape of a real card processor's). Each
 * attempt has a timeout; attempts pass a circuit breaker (an open breaker fails at once, without a
 * call); failed attempts that are safe to repeat — all of them, since every call that moves money
 * carries its idempotency key and look-ups move nothing — are retried with backoff.
 */
public final class HttpPaymentProvider implements PaymentProvider {

  private final WebClient web;
  private final Duration callTimeout;
  private final CircuitBreaker breaker;
  private final Retry retry;

  /** {@code web} has the base URL (e.g. {@code http://127.0.0.1:8086/api/psp/v1}) and the key. */
  public HttpPaymentProvider(
      WebClient web, Duration callTimeout, CircuitBreaker breaker, Retry retry) {
    this.web = web;
    this.callTimeout = callTimeout;
    this.breaker = breaker;
    this.retry = retry;
  }

  /** What the circuit breaker counts as a failure and the retry repeats. */
  public static boolean transientFailure(Throwable error) {
    return error instanceof ProviderUnavailableException;
  }

  @Override
  public Mono<ProviderPayment> authorize(
      String idempotencyKey, String paymentMethodToken, Money amount, String reference) {
    var body =
        new AuthorizeBody(
            paymentMethodToken, new Amount(amount.amountMinor(), amount.currency()), reference);
    return resilient(
        "authorize " + idempotencyKey,
        web.post()
            .uri("/authorizations")
            .header("Idempotency-Key", idempotencyKey)
            .bodyValue(body)
            .exchangeToMono(HttpPaymentProvider::payment));
  }

  @Override
  public Mono<Optional<ProviderPayment>> findAuthorization(String authorizationKey) {
    return resilient(
        "look up " + authorizationKey,
        web.get()
            .uri("/payments/by-idempotency-key/{key}", authorizationKey)
            .exchangeToMono(
                response ->
                    response.statusCode().value() == HttpStatus.NOT_FOUND.value()
                        ? response.releaseBody().thenReturn(Optional.<ProviderPayment>empty())
                        : payment(response).map(Optional::of)));
  }

  @Override
  public Mono<ProviderPayment> capture(String idempotencyKey, String providerPaymentId) {
    return operate("capture", idempotencyKey, providerPaymentId);
  }

  @Override
  public Mono<ProviderPayment> voidAuthorization(String idempotencyKey, String providerPaymentId) {
    return operate("void", idempotencyKey, providerPaymentId);
  }

  @Override
  public Mono<ProviderPayment> refund(String idempotencyKey, String providerPaymentId) {
    return operate("refund", idempotencyKey, providerPaymentId);
  }

  private Mono<ProviderPayment> operate(String operation, String key, String providerPaymentId) {
    return resilient(
        operation + " " + key,
        web.post()
            .uri("/payments/{id}/" + operation, providerPaymentId)
            .header("Idempotency-Key", key)
            .exchangeToMono(HttpPaymentProvider::payment));
  }

  private <T> Mono<T> resilient(String what, Mono<T> call) {
    return Mono.defer(() -> call)
        .timeout(callTimeout)
        .onErrorMap(
            e -> e instanceof TimeoutException || e instanceof WebClientRequestException,
            e -> new ProviderUnavailableException(what + ": " + e, e))
        .transformDeferred(CircuitBreakerOperator.of(breaker))
        .transformDeferred(RetryOperator.of(retry));
  }

  private static Mono<ProviderPayment> payment(ClientResponse response) {
    if (response.statusCode().is2xxSuccessful()) {
      return response.bodyToMono(ProviderPayment.class);
    }
    return response
        .bodyToMono(String.class)
        .defaultIfEmpty("")
        .flatMap(
            body -> {
              String message =
                  "provider answered " + response.statusCode().value() + ": " + abbreviate(body);
              return Mono.error(
                  response.statusCode().is5xxServerError()
                      ? new ProviderUnavailableException(message, null)
                      : new ProviderRejectedException(message));
            });
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }

  record Amount(long amountMinor, String currency) {}

  record AuthorizeBody(String paymentMethodToken, Amount amount, String reference) {}
}
