package io.emporium.psp.payments;

import io.emporium.psp.config.PspProperties;
import io.emporium.psp.payments.TestCards.Approve;
import io.emporium.psp.payments.TestCards.Decline;
import io.emporium.psp.payments.TestCards.Fail;
import io.emporium.psp.web.PspProblem;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The provider's operations. Each POST runs once per idempotency key ({@link IdempotentCalls}); an
 * operation on a payment locks it, so a capture and a void of one payment are serialized and only
 * one of them wins.
 */
@Service
class Payments {

  private final PaymentStore store;
  private final IdempotentCalls calls;
  private final TestCards cards;
  private final PspProperties properties;
  private final MeterRegistry meters;
  private final Clock clock = Clock.systemUTC();

  Payments(
      PaymentStore store, IdempotentCalls calls, PspProperties properties, MeterRegistry meters) {
    this.store = store;
    this.calls = calls;
    this.cards = new TestCards(properties.maxAmountMinor());
    this.properties = properties;
    this.meters = meters;
  }

  Mono<Answer> authorize(String key, AuthorizeRequest request) {
    String fingerprint =
        IdempotentCalls.fingerprint(
            "authorize",
            request.paymentMethodToken(),
            request.amount().amountMinor(),
            request.amount().currency(),
            request.reference());
    return calls
        .once(key, fingerprint, () -> Mono.defer(() -> decide(key, request)))
        .flatMap(Payments::whenDue);
  }

  Mono<Answer> capture(String paymentId, String key) {
    return move("capture", paymentId, key, PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED);
  }

  Mono<Answer> voidPayment(String paymentId, String key) {
    return move("void", paymentId, key, PaymentStatus.AUTHORIZED, PaymentStatus.VOIDED);
  }

  Mono<Answer> refund(String paymentId, String key) {
    return move("refund", paymentId, key, PaymentStatus.CAPTURED, PaymentStatus.REFUNDED);
  }

  Mono<Payment> find(String paymentId) {
    return store
        .find(paymentId)
        .switchIfEmpty(Mono.error(() -> PspProblem.notFound("No payment " + paymentId + ".")));
  }

  Mono<Payment> findByIdempotencyKey(String key) {
    return store
        .findByIdempotencyKey(key)
        .switchIfEmpty(
            Mono.error(
                () ->
                    PspProblem.notFound(
                        "No authorization was recorded with idempotency key " + key + ".")));
  }

  Flux<Payment> findByReference(String reference) {
    return store.findByReference(reference);
  }

  private Mono<Answer> decide(String key, AuthorizeRequest request) {
    Instant now = now();
    var verdict = cards.verdict(request.paymentMethodToken(), request.amount());
    count("authorize", verdict.getClass().getSimpleName().toLowerCase());
    Payment payment =
        switch (verdict) {
          case Fail fail -> throw PspProblem.processingError();
          case Approve approve ->
              payment(key, request, PaymentStatus.AUTHORIZED, "auth_" + shortId(), null, null, now);
          case Decline decline ->
              payment(
                  key,
                  request,
                  PaymentStatus.DECLINED,
                  null,
                  decline.code(),
                  decline.message(),
                  now);
        };
    Answer answer = Answer.of(201, payment);
    return store
        .insert(payment, request.paymentMethodToken())
        .thenReturn(
            verdict instanceof Approve(boolean slow) && slow
                ? answer.late(properties.slowAnswerDelay())
                : answer);
  }

  private Mono<Answer> move(
      String operation, String paymentId, String key, PaymentStatus from, PaymentStatus to) {
    String fingerprint = IdempotentCalls.fingerprint(operation, paymentId);
    return calls.once(
        key,
        fingerprint,
        () ->
            store
                .lock(paymentId)
                .switchIfEmpty(
                    Mono.error(() -> PspProblem.notFound("No payment " + paymentId + ".")))
                .flatMap(
                    payment -> {
                      if (payment.status() != from) {
                        return Mono.error(
                            PspProblem.conflict(
                                "Cannot "
                                    + operation
                                    + " payment "
                                    + paymentId
                                    + ": it is "
                                    + payment.status()
                                    + "."));
                      }
                      Payment moved = payment.moveTo(to, now());
                      count(operation, "done");
                      return store.update(moved).thenReturn(Answer.of(200, moved));
                    }));
  }

  private static Mono<Answer> whenDue(Answer answer) {
    return answer.delay().isZero()
        ? Mono.just(answer)
        : Mono.delay(answer.delay()).thenReturn(answer);
  }

  private static Payment payment(
      String key,
      AuthorizeRequest request,
      PaymentStatus status,
      String authorizationCode,
      String declineCode,
      String declineMessage,
      Instant now) {
    return new Payment(
        "pay_" + shortId(),
        key,
        request.reference(),
        request.amount(),
        status,
        authorizationCode,
        declineCode,
        declineMessage,
        now,
        now);
  }

  private void count(String operation, String outcome) {
    meters.counter("psp.operations", "operation", operation, "outcome", outcome).increment();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }
}
