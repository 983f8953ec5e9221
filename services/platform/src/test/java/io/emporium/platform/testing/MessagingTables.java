package io.emporium.platform.testing;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the platform's own tables (db/platform) say about an event in an R2DBC service's database:
 * whether it was processed (idempotency record) and how many failures were recorded for it.
 */
public final class MessagingTables {

  private final DatabaseClient db;

  public MessagingTables(DatabaseClient db) {
    this.db = db;
  }

  /** True once the event's effect committed (its id is in processed_events). */
  public boolean processed(UUID eventId) {
    return count("SELECT count(*) FROM processed_events WHERE event_id = :id", eventId) == 1;
  }

  /** Failures recorded for the event (message_failures), e.g. before a retry succeeds. */
  public long failures(UUID eventId) {
    return count("SELECT count(*) FROM message_failures WHERE event_id = :id", eventId.toString());
  }

  /** Failures recorded for the event whose reason contains {@code text}. */
  public long failures(UUID eventId, String text) {
    return db.sql(
            "SELECT count(*) FROM message_failures WHERE event_id = :id AND reason LIKE :reason")
        .bind("id", eventId.toString())
        .bind("reason", "%" + text + "%")
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private long count(String sql, Object id) {
    return db.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block();
  }
}
