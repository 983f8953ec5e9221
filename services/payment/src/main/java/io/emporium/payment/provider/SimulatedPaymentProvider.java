package io.emporium.payment.provider;

import io.emporium.events.Money;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * A deterministic stand-in for a card processor. Tokens are {@code tok_<card number>}, with the
 * usual test cards: {@code tok_4242424242424242} approves, {@code tok_4000000000000002} declines
 * {@code card_declined}, {@code tok_4000000000009995} declines {@code insufficient_funds}, any
 * other token declines {@code invalid_payment_method}; amounts above the limit decline {@code
 * amount_limit}. Like a real processor it remembers idempotency keys (in memory): the same key
 * returns the first result and charges once.
 */
public final class SimulatedPaymentProvider implements PaymentProvider {

  static final String APPROVES = "tok_4242424242424242";
  static final String DECLINES = "tok_4000000000000002";
  static final String INSUFFICIENT_FUNDS = "tok_4000000000009995";

  private final long maxAmountMinor;
  private final Duration latency;
  private final Map<String, AuthorizationResult> authorizations = new ConcurrentHashMap<>();
  private final Map<String, String> voids = new ConcurrentHashMap<>();
  private final AtomicInteger charges = new AtomicInteger();

  public SimulatedPaymentProvider(long maxAmountMinor, Duration latency) {
    this.maxAmountMinor = maxAmountMinor;
    this.latency = latency;
  }

  @Override
  public Mono<AuthorizationResult> authorize(
      String idempotencyKey, String paymentMethodToken, Money amount) {
    return delayed(
        () ->
            authorizations.computeIfAbsent(
                idempotencyKey, k -> decide(paymentMethodToken, amount)));
  }

  @Override
  public Mono<String> voidAuthorization(String idempotencyKey, String authorizationCode) {
    return delayed(() -> voids.computeIfAbsent(idempotencyKey, k -> "void_" + shortId()));
  }

  /** How many authorizations were approved (money held), whatever the retries: for tests. */
  public int approvedCharges() {
    return charges.get();
  }

  private AuthorizationResult decide(String token, Money amount) {
    if (amount.amountMinor() > maxAmountMinor) {
      return new AuthorizationResult.Declined(
          "amount_limit", "The amount exceeds the limit of " + maxAmountMinor + " minor units.");
    }
    String card = token == null ? "" : token;
    return switch (card) {
      case APPROVES -> {
        charges.incrementAndGet();
        yield new AuthorizationResult.Approved("auth_" + shortId());
      }
      case DECLINES -> new AuthorizationResult.Declined("card_declined", "The card was declined.");
      case INSUFFICIENT_FUNDS ->
          new AuthorizationResult.Declined(
              "insufficient_funds", "The card has insufficient funds.");
      default ->
          new AuthorizationResult.Declined(
              "invalid_payment_method", "The payment method is not valid.");
    };
  }

  private <T> Mono<T> delayed(java.util.function.Supplier<T> call) {
    Mono<T> result = Mono.fromSupplier(call);
    return latency.isZero() ? result : Mono.delay(latency).then(result);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }
}
