package io.emporium.platform.deadletters;

import java.time.OffsetDateTime;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** Reads {@code message_failures} (the platform's Flyway migration) of a PostgreSQL service. */
final class R2dbcFailureRecords implements FailureRecords {

  private static final String FIND =
      """
      SELECT message_id, queue, event_id, type, reason, receive_count, first_failed_at,
             last_failed_at
      FROM message_failures WHERE message_id = ANY(:ids)""";

  private final DatabaseClient db;

  R2dbcFailureRecords(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Flux<FailureRecord> find(Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Flux.empty();
    }
    return db.sql(FIND)
        .bind("ids", messageIds.toArray(String[]::new))
        .map(
            row ->
                new FailureRecord(
                    row.get("message_id", String.class),
                    row.get("queue", String.class),
                    row.get("event_id", String.class),
                    row.get("type", String.class),
                    row.get("reason", String.class),
                    row.get("receive_count", Integer.class),
                    row.get("first_failed_at", OffsetDateTime.class).toInstant(),
                    row.get("last_failed_at", OffsetDateTime.class).toInstant()))
        .all();
  }
}
