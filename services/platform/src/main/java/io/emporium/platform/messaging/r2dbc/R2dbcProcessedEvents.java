package io.emporium.platform.messaging.r2dbc;

import io.emporium.events.EventEnvelope;
import io.emporium.platform.messaging.inbox.ProcessedEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Idempotent consumption on PostgreSQL: records the event id in {@code processed_events} in the
 * same transaction as the handler's effect (and any outbox rows it appends). A redelivered event
 * finds its id and is skipped; a concurrent duplicate waits on the primary key and then skips.
 */
public final class R2dbcProcessedEvents implements ProcessedEvents {

  private static final Logger log = LoggerFactory.getLogger(R2dbcProcessedEvents.class);
  private static final String CLAIM =
      "INSERT INTO processed_events (event_id, type) VALUES (:id, :type) ON CONFLICT DO NOTHING";

  private final DatabaseClient db;
  private final TransactionalOperator transactions;
  private final Counter duplicates;

  R2dbcProcessedEvents(
      DatabaseClient db, TransactionalOperator transactions, MeterRegistry meters) {
    this.db = db;
    this.transactions = transactions;
    this.duplicates =
        Counter.builder("emporium.events.duplicates").tag("store", "r2dbc").register(meters);
  }

  @Override
  public Mono<Void> once(EventEnvelope envelope, Mono<Void> effect) {
    Mono<Void> claimThenApply =
        db.sql(CLAIM)
            .bind("id", envelope.id())
            .bind("type", envelope.type())
            .fetch()
            .rowsUpdated()
            .flatMap(claimed -> claimed == 1 ? effect : skip(envelope));
    return transactions.transactional(claimThenApply);
  }

  private Mono<Void> skip(EventEnvelope envelope) {
    duplicates.increment();
    log.info("duplicate skipped: eventId={} type={}", envelope.id(), envelope.type());
    return Mono.empty();
  }
}
