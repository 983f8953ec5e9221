package io.emporium.payment.payments;

import io.emporium.payment.config.PaymentProperties;
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
 * with the same idempotency key) and records it. One payment that fails is logged and retried next
 * round; it does not stop the others.
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

  /** One round: the stuck payments, oldest first, each settled on its own. */
  Mono<Long> round() {
    return payments
        .inFlightSince(settings.stuckAfter(), settings.batch())
        .concatMap(
            payment ->
                settlement
                    .settle(new Intent(payment, false))
                    .doOnSuccess(
                        v ->
                            log.info(
                                "reconciled payment of order {} (was {})",
                                payment.orderId(),
                                payment.status()))
                    .thenReturn(1L)
                    .onErrorResume(
                        e -> {
                          log.warn(
                              "could not reconcile payment of order {} ({}), next round: {}",
                              payment.orderId(),
                              payment.status(),
                              e.toString());
                          return Mono.just(0L);
                        }))
        .reduce(0L, Long::sum)
        .onErrorResume(
            e -> {
              log.warn("reconciliation round failed, retried next round: {}", e.toString());
              return Mono.just(0L);
            });
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
