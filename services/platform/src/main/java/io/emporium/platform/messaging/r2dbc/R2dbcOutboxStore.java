package io.emporium.platform.messaging.r2dbc;

import io.emporium.platform.messaging.outbox.OutboxStats;
import io.emporium.platform.messaging.outbox.OutboxStore;
import io.emporium.platform.messaging.outbox.OutgoingEvent;
import io.emporium.platform.messaging.outbox.PendingEvent;
import io.emporium.platform.messaging.outbox.Settlement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox table for the relay. A round is one transaction: claim due rows {@code FOR UPDATE SKIP
 * LOCKED} (replicas split the work), publish, delete what SNS accepted and reschedule the rest. A
 * crash before the commit leaves the rows for the next round. A dead letter stays in the table with
 * {@code next_attempt_at = 'infinity'}: never due again, its reason in {@code last_error}, the time
 * in {@code dead_lettered_at} ({@link R2dbcOutboxDeadLetters} lists and requeues them).
 */
final class R2dbcOutboxStore implements OutboxStore {

  private static final String CLAIM_DUE =
      """
      SELECT id, type, subject, payload, traceparent, attempts FROM outbox
      WHERE next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT :limit
      FOR UPDATE SKIP LOCKED""";
  private static final String DELETE = "DELETE FROM outbox WHERE id = ANY(:ids)";
  private static final String RESCHEDULE =
      """
      UPDATE outbox SET attempts = :attempts, last_error = :error,
        next_attempt_at = now() + make_interval(secs => :delaySeconds) WHERE id = :id""";
  private static final String DEAD_LETTER =
      """
      UPDATE outbox SET attempts = :attempts, last_error = :error,
        next_attempt_at = 'infinity', dead_lettered_at = now() WHERE id = :id""";
  private static final String STATS =
      """
      SELECT count(*) FILTER (WHERE next_attempt_at < 'infinity') AS pending,
        count(*) FILTER (WHERE attempts > 0 AND next_attempt_at < 'infinity') AS retrying,
        count(*) FILTER (WHERE next_attempt_at = 'infinity') AS dead,
        min(created_at) FILTER (WHERE next_attempt_at < 'infinity') AS oldest
      FROM outbox""";

  private final DatabaseClient db;
  private final TransactionalOperator transactions;

  R2dbcOutboxStore(DatabaseClient db, TransactionalOperator transactions) {
    this.db = db;
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "r2dbc";
  }

  @Override
  public Duration statsInterval() {
    return Duration.ofSeconds(5);
  }

  @Override
  public Mono<Integer> relay(int limit, Function<List<PendingEvent>, Mono<Settlement>> round) {
    Mono<Integer> claimPublishSettle =
        claimDue(limit)
            .collectList()
            .flatMap(
                rows ->
                    rows.isEmpty()
                        ? Mono.just(0)
                        : round.apply(rows).flatMap(this::settle).thenReturn(rows.size()));
    return transactions.transactional(claimPublishSettle);
  }

  @Override
  public Mono<OutboxStats> stats() {
    return db.sql(STATS)
        .map(
            row -> {
              OffsetDateTime oldest = row.get("oldest", OffsetDateTime.class);
              return new OutboxStats(
                  row.get("pending", Long.class),
                  row.get("retrying", Long.class),
                  row.get("dead", Long.class),
                  oldest == null ? null : oldest.toInstant());
            })
        .one();
  }

  private Flux<PendingEvent> claimDue(int limit) {
    return db.sql(CLAIM_DUE)
        .bind("limit", limit)
        .map(
            row ->
                new PendingEvent(
                    new OutgoingEvent(
                        row.get("id", UUID.class),
                        row.get("type", String.class),
                        row.get("subject", String.class),
                        row.get("payload", String.class),
                        row.get("traceparent", String.class)),
                    row.get("attempts", Integer.class)))
        .all();
  }

  private Mono<Void> settle(Settlement settlement) {
    Mono<Long> deleted =
        settlement.published().isEmpty()
            ? Mono.just(0L)
            : db.sql(DELETE)
                .bind("ids", settlement.published().toArray(UUID[]::new))
                .fetch()
                .rowsUpdated();
    Flux<Long> retried =
        Flux.fromIterable(settlement.retries())
            .concatMap(
                r ->
                    db.sql(RESCHEDULE)
                        .bind("id", r.event().id())
                        .bind("attempts", r.attempts())
                        .bind("delaySeconds", r.delay().toMillis() / 1000.0)
                        .bind("error", r.reason())
                        .fetch()
                        .rowsUpdated());
    Flux<Long> dead =
        Flux.fromIterable(settlement.deadLetters())
            .concatMap(
                d ->
                    db.sql(DEAD_LETTER)
                        .bind("id", d.event().id())
                        .bind("attempts", d.attempts())
                        .bind("error", d.reason())
                        .fetch()
                        .rowsUpdated());
    return deleted.thenMany(retried).thenMany(dead).then();
  }
}
