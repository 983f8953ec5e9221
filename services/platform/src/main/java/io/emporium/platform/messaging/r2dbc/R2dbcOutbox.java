package io.emporium.platform.messaging.r2dbc;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.platform.messaging.TraceContext;
import io.emporium.platform.messaging.outbox.OutboxSpans;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import io.opentelemetry.api.trace.Span;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Appends events to the outbox table inside the caller's transaction, so the state change and the
 * events it causes commit (or roll back) together. Once the transaction commits, the relay is woken
 * up to publish them.
 */
public final class R2dbcOutbox {

  private static final String INSERT =
      "INSERT INTO outbox (id, type, subject, payload, traceparent) "
          + "VALUES (:id, :type, :subject, :payload, :traceparent)";

  private final DatabaseClient db;
  private final EventCodec codec;
  private final RelayWakeUp wakeUp;

  R2dbcOutbox(DatabaseClient db, EventCodec codec, RelayWakeUp wakeUp) {
    this.db = db;
    this.codec = codec;
    this.wakeUp = wakeUp;
  }

  /** Wraps {@code event} in a new envelope and writes it; fails outside a transaction. */
  public Mono<EventEnvelope> append(DomainEvent event) {
    EventEnvelope envelope = EventEnvelope.of(event);
    Span span = OutboxSpans.append(envelope);
    String traceparent = OutboxSpans.traceparent(span, TraceContext.currentTraceparent());
    var insert =
        db.sql(INSERT)
            .bind("id", envelope.id())
            .bind("type", envelope.type())
            .bind("subject", envelope.subject())
            .bind("payload", codec.encode(envelope));
    insert =
        traceparent == null
            ? insert.bindNull("traceparent", String.class)
            : insert.bind("traceparent", traceparent);
    return inTransaction()
        .then(insert.then())
        .doOnError(span::recordException)
        .doFinally(signal -> span.end())
        .thenReturn(envelope);
  }

  /** Fails outside a transaction; inside one, wakes the relay up once it committed. */
  private Mono<Void> inTransaction() {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .filter(TransactionSynchronizationManager::isActualTransactionActive)
        .onErrorResume(e -> Mono.empty())
        .switchIfEmpty(
            Mono.error(
                new IllegalStateException(
                    "outbox append must run inside the transaction of the state change")))
        .doOnNext(
            transaction ->
                transaction.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(wakeUp::appended);
                      }
                    }))
        .then();
  }
}
