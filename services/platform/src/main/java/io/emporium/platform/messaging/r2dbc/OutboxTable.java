package io.emporium.platform.messaging.r2dbc;

import io.emporium.platform.messaging.OutgoingEvent;
import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The relay's SQL against the outbox table. Claims lock rows so replicas never share one. */
final class OutboxTable {

  private static final String CLAIM_DUE =
      """
      SELECT id, type, subject, payload, traceparent, attempts FROM outbox
      WHERE next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT :limit
      FOR UPDATE SKIP LOCKED""";
  private static final String DELETE = "DELETE FROM outbox WHERE id = ANY(:ids)";
  private static final String RESCHEDULE =
      """
      UPDATE outbox SET attempts = attempts + 1, last_error = :error,
        next_attempt_at = now() + make_interval(secs => :delaySeconds) WHERE id = :id""";
  private static final String STATS =
      "SELECT count(*) AS pending, "
          + "coalesce(extract(epoch FROM now() - min(created_at)), 0) AS oldest, "
          + "count(*) FILTER (WHERE attempts > 0) AS parked FROM outbox";

  private final DatabaseClient db;

  OutboxTable(DatabaseClient db) {
    this.db = db;
  }

  Flux<PendingRow> claimDue(int limit) {
    return db.sql(CLAIM_DUE)
        .bind("limit", limit)
        .map(
            row ->
                new PendingRow(
                    new OutgoingEvent(
                        row.get("id", UUID.class),
                        row.get("type", String.class),
                        row.get("subject", String.class),
                        row.get("payload", String.class),
                        row.get("traceparent", String.class)),
                    row.get("attempts", Integer.class)))
        .all();
  }

  Mono<Long> delete(UUID[] ids) {
    return db.sql(DELETE).bind("ids", ids).fetch().rowsUpdated();
  }

  Mono<Long> reschedule(UUID id, Duration delay, String error) {
    return db.sql(RESCHEDULE)
        .bind("id", id)
        .bind("delaySeconds", delay.toMillis() / 1000.0)
        .bind("error", error == null ? "unknown" : error)
        .fetch()
        .rowsUpdated();
  }

  /** Pending rows, the age in seconds of the oldest, and the rows parked after a failed publish. */
  Mono<double[]> stats() {
    return db.sql(STATS)
        .map(
            row ->
                new double[] {
                  row.get("pending", Long.class),
                  row.get("oldest", Number.class).doubleValue(),
                  row.get("parked", Long.class)
                })
        .one();
  }
}
