package io.emporium.payment.payments;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * {@code emporium.payment.authorizations{outcome=authorized|declined, reason}}, {@code
 * emporium.payment.voids} and {@code emporium.payment.refunds}, counted when the transaction that
 * records them commits (a rolled-back attempt that is retried counts once).
 */
@Component
class AuthorizationMetrics {

  private final MeterRegistry meters;

  AuthorizationMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  Mono<Void> authorized() {
    return afterCommit(
        "emporium.payment.authorizations", "outcome", "authorized", "reason", "none");
  }

  Mono<Void> declined(String reasonCode) {
    return afterCommit(
        "emporium.payment.authorizations", "outcome", "declined", "reason", reasonCode);
  }

  Mono<Void> voided() {
    return afterCommit("emporium.payment.voids");
  }

  Mono<Void> refunded() {
    return afterCommit("emporium.payment.refunds");
  }

  private Mono<Void> afterCommit(String name, String... tags) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .doOnNext(
            tx ->
                tx.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(() -> meters.counter(name, tags).increment());
                      }
                    }))
        .then();
  }
}
