package io.emporium.order.orders;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/** Runs an in-process effect (status streams, metrics) only once the transaction has committed. */
final class AfterCommit {

  private AfterCommit() {}

  static Mono<Void> run(Runnable action) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .filter(TransactionSynchronizationManager::isSynchronizationActive)
        .doOnNext(
            transaction ->
                transaction.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(action);
                      }
                    }))
        .switchIfEmpty(Mono.fromRunnable(action))
        .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(action))
        .then();
  }
}
