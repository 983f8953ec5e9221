package io.emporium.platform.messaging.r2dbc;

import io.emporium.events.EventEnvelope;
import io.emporium.platform.messaging.inbox.ProcessedEvents;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Idempotent consumption on PostgreSQL: records the event id in {@code processed_events} in the
 * same transaction as the handler's effect (and any outbox rows it appends). A redelivered event
 * finds its id and is skipped; a concurrent duplicate waits on the primary key and then skips.
 */
public final class R2dbcProcessedEvents implements ProcessedEvents {

  private static final String CLAIM =
      "INSERT INTO processed_events (event_id, type) VALUES (:id, :type) ON CONFLICT DO NOTHING";

  private final DatabaseClient db;
  private final TransactionalOperator transactions;

  R2dbcProcessedEvents(DatabaseClient db, TransactionalOperator transactions) {
    this.db = db;
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "r2dbc";
  }

  @Override
  public Mono<Boolean> once(EventEnvelope envelope, Mono<Void> effect) {
    Mono<Boolean> claimThenApply =
        db.sql(CLAIM)
            .bind("id", envelope.id())
            .bind("type", envelope.type())
            .fetch()
            .rowsUpdated()
            .flatMap(claimed -> claimed == 1 ? effect.thenReturn(true) : Mono.just(false));
    return transactions.transactional(claimThenApply);
  }
}
