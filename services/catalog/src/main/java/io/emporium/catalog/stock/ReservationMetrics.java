package io.emporium.catalog.stock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/** {@code emporium.catalog.reservations{outcome=reserved|rejected}}, counted once committed. */
@Component
class ReservationMetrics {

  static final String RESERVED = "reserved";
  static final String REJECTED = "rejected";

  private final Map<String, Counter> counters;

  ReservationMetrics(MeterRegistry meters) {
    this.counters =
        Map.of(RESERVED, counter(meters, RESERVED), REJECTED, counter(meters, REJECTED));
  }

  /** Counts {@code outcome} when the current transaction commits (never for a rolled-back one). */
  Mono<Void> afterCommit(String outcome) {
    Counter counter = counters.get(outcome);
    return TransactionSynchronizationManager.forCurrentTransaction()
        .doOnNext(
            tx ->
                tx.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(counter::increment);
                      }
                    }))
        .then();
  }

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder("emporium.catalog.reservations")
        .description("Orders whose stock was reserved or rejected")
        .tag("outcome", outcome)
        .register(meters);
  }
}
