package io.emporium.payment.payments;

import io.emporium.payment.config.PaymentProperties;
import io.emporium.payment.provider.PaymentProvider;
import io.emporium.payment.provider.ProviderPayment;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Step 2 of the payment flow: with an intent committed, call the provider (no transaction open) and
 * hand its answer to {@link PaymentOutcomes}. When an earlier attempt may have reached the provider
 * — a timeout after sending, a crash or a failed commit between the call and its record — the
 * outcome is first looked up by the authorization's idempotency key. Used by the event handlers and
 * by the {@link PaymentReconciler}; running it twice at once is safe (same keys, same answers).
 */
@Component
class Settlement {

  private final PaymentProvider provider;
  private final PaymentIntents intents;
  private final PaymentOutcomes outcomes;
  private final PaymentProperties properties;
  private final Clock clock = Clock.systemUTC();

  Settlement(
      PaymentProvider provider,
      PaymentIntents intents,
      PaymentOutcomes outcomes,
      PaymentProperties properties) {
    this.provider = provider;
    this.intents = intents;
    this.outcomes = outcomes;
    this.properties = properties;
  }

  /** Drives an intent to its outcome; does nothing for a payment that is not in one. */
  Mono<Void> settle(Intent intent) {
    Payment payment = intent.payment();
    return switch (payment.status()) {
      case AUTHORIZING -> authorize(payment, intent.fresh());
      case CAPTURING ->
          provider
              .capture(payment.key("capture"), payment.providerPaymentId())
              .flatMap(result -> outcomes.capture(payment, result))
              .then();
      case CANCELLING -> release(payment);
      case AWAITING_STOCK, AUTHORIZED, DECLINED, CAPTURED, VOIDED, REFUNDED -> Mono.empty();
    };
  }

  /**
   * Sends the authorize request only while the payment is AUTHORIZING, and records each send's time
   * first ({@link PaymentIntents#sending}): a cancellation then waits for the latest request, not
   * for the intent's, and none is sent after it. Empty when the payment moved on (the
   * cancellation's own handler releases it).
   */
  private Mono<Void> authorize(Payment payment, boolean fresh) {
    Mono<ProviderPayment> call =
        intents
            .sending(payment)
            .filter(stillAuthorizing -> stillAuthorizing)
            .flatMap(
                stamped ->
                    provider.authorize(
                        payment.authorizationKey(),
                        payment.paymentMethodToken(),
                        payment.amount(),
                        payment.orderId()));
    Mono<ProviderPayment> outcome =
        fresh
            ? call
            : provider
                .findAuthorization(payment.authorizationKey())
                .flatMap(found -> found.map(Mono::just).orElseGet(() -> call));
    return outcome
        .flatMap(result -> outcomes.authorization(payment, result))
        .flatMap(
            recorded ->
                recorded.status() == PaymentStatus.CANCELLING ? release(recorded) : Mono.empty());
  }

  /** Voids or refunds whatever the provider holds for the payment's authorization. */
  private Mono<Void> release(Payment payment) {
    return provider
        .findAuthorization(payment.authorizationKey())
        .flatMap(found -> releaseHeld(payment, found))
        .flatMap(result -> outcomes.release(payment, result.orElse(null)))
        .then();
  }

  /**
   * A payment released with nothing held (VOIDED, no provider id), looked up once more: an
   * authorize request held on its way for longer than {@code stuck-after} (a frozen provider, a
   * slow network) may have landed after the release. Whatever it holds is voided and recorded now.
   */
  Mono<Void> recheckReleased(Payment payment) {
    return provider
        .findAuthorization(payment.authorizationKey())
        .flatMap(
            found ->
                found.isEmpty()
                    ? outcomes.stillNothingHeld(payment)
                    : releaseFound(payment, found.get())
                        .flatMap(result -> outcomes.lateRelease(payment, result))
                        .then());
  }

  private Mono<Optional<ProviderPayment>> releaseHeld(
      Payment payment, Optional<ProviderPayment> found) {
    if (found.isEmpty()) {
      return mayStillArrive(payment)
          ? Mono.error(new AuthorizationInFlightException(payment.orderId()))
          : Mono.just(Optional.empty());
    }
    return releaseFound(payment, found.get()).map(Optional::of);
  }

  private Mono<ProviderPayment> releaseFound(Payment payment, ProviderPayment held) {
    return switch (held.status()) {
      case AUTHORIZED -> provider.voidAuthorization(payment.key("void"), held.paymentId());
      case CAPTURED -> provider.refund(payment.key("refund"), held.paymentId());
      case DECLINED, VOIDED, REFUNDED -> Mono.just(held);
    };
  }

  /**
   * The latest authorize request, sent less than {@code reconcile.stuck-after} ago, may not have
   * arrived yet. (No request is sent once the payment is CANCELLING, so this time is final.)
   */
  private boolean mayStillArrive(Payment payment) {
    Instant asked = payment.authorizationRequestedAt();
    return asked != null
        && asked.plus(properties.reconcile().stuckAfter()).isAfter(clock.instant());
  }
}
