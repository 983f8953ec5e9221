package io.emporium.platform.messaging.r2dbc;

import io.emporium.events.EventEnvelope;
import io.emporium.platform.messaging.outbox.Settlement;
import io.emporium.platform.messaging.outbox.Settlement.DeadLetter;
import java.util.List;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Outbox dead letters made the way the relay makes them: an event committed, then a round that
 * settles it as failed for good after three attempts. Stop the service's relay first.
 */
record DeadLetteredEvents(
    R2dbcOutbox outbox, DatabaseClient db, ReactiveTransactionManager transactionManager) {

  static final String REASON = "InvalidParameter: too long";

  /** Commits {@code orderId}'s OrderPlaced and dead-letters it. */
  EventEnvelope orderPlaced(String orderId) {
    var transactions = TransactionalOperator.create(transactionManager);
    EventEnvelope poison =
        transactions.transactional(outbox.append(TestEvents.orderPlaced(orderId))).block();
    new R2dbcOutboxStore(db, transactions)
        .relay(
            100,
            rows ->
                Mono.just(
                    new Settlement(
                        Set.of(),
                        List.of(),
                        rows.stream()
                            .filter(r -> r.id().equals(poison.id()))
                            .map(r -> new DeadLetter(r, 3, REASON))
                            .toList())))
        .block();
    return poison;
  }
}
