package io.emporium.payment.payments;

import io.emporium.payment.config.PaymentProperties;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Settles payments stuck in an intent (AUTHORIZING, CAPTURING, CANCELLING) for longer than {@code
 * emporium.payment.reconcile.stuck-after}: their message went to the DLQ, or its retries have not
 * come yet. Every {@code interval} it looks the outcome up at the provider (or completes the call
 * with the same idempotency key) and records it. It also looks up again, for {@code
 * late-authorization-window}, the payments released with nothing held: an authorize request held on
 * its way longer than {@code stuck-after} can still land after the release, and is voided then. One
 * payment that fails is logged and retried next round; it does not stop the others.
 */
@Component
class PaymentReconciler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PaymentReconciler.class);

  private final PaymentRepository payments;
  private final Settlement settlement;
  private final PaymentProperties.Reconcile settings;
  private volatile Disposable loop;

  PaymentReconciler(
      PaymentRepository payments, Settlement settlement, PaymentProperties properties) {
    this.payments = payments;
    this.settlement = settlement;
    this.settings = properties.reconcile();
  }

  @Override
  public void start() {
    loop =
        Flux.interval(settings.interval())
            .onBackpressureDrop()
            .concatMap(tick -> round(), 1)
            .subscribe();
  }

  /**
   * One round: the stuck payments, oldest first, each settled on its own; then the payments
   * released with nothing held within {@code late-authorization-window}, looked up again.
   */
  Mono<Long> round() {
    return each(
            payments.inFlightSince(settings.stuckAfter(), settings.batch()),
            payment ->
                settlement
                    .settle(new Intent(payment, false))
                    .doOnSuccess(
                        v ->
                            log.info(
                                "reconciled payment of order {} (was {})",
                                payment.orderId(),
                                payment.status())),
            "reconcile")
        .concatWith(
            each(
                payments.releasedWithNothingHeld(
                    settings.lateAuthorizationWindow(), settings.batch()),
                settlement::recheckReleased,
                "look up again the release of"))
        .reduce(0L, Long::sum)
        .onErrorResume(
            e -> {
              log.warn("reconciliation round failed, retried next round: {}", e.toString());
              return Mono.just(0L);
            });
  }

  private Flux<Long> each(Flux<Payment> found, Function<Payment, Mono<Void>> work, String what) {
    return found.concatMap(
        payment ->
            work.apply(payment)
                .thenReturn(1L)
                .onErrorResume(
                    e -> {
                      log.warn(
                          "could not {} payment of order {} ({}), next round: {}",
                          what,
                          payment.orderId(),
                          payment.status(),
                          e.toString());
                      return Mono.just(0L);
                    }));
  }

  @Override
  public void stop() {
    Disposable current = loop;
    if (current != null) {
      current.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null && !loop.isDisposed();
  }
}
