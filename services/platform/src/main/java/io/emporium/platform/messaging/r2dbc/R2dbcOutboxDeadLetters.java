package io.emporium.platform.messaging.r2dbc;

import io.emporium.platform.messaging.outbox.OutboxDeadLetter;
import io.emporium.platform.messaging.outbox.OutboxDeadLetters;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * The outbox table's dead letters (rows with {@code next_attempt_at = 'infinity'}). A requeue is
 * one statement: it locks the rows that are still dead letters, makes them due now with no failed
 * attempt, and returns them as they were.
 */
final class R2dbcOutboxDeadLetters implements OutboxDeadLetters {

  private static final String LIST =
      """
      SELECT id, type, subject, attempts, last_error, created_at, dead_lettered_at,
        octet_length(payload) AS bytes
      FROM outbox WHERE next_attempt_at = 'infinity' ORDER BY created_at, id LIMIT :cap""";
  private static final String REQUEUE =
      """
      WITH dead AS (
        SELECT id, attempts, dead_lettered_at FROM outbox
        WHERE id = ANY(:ids) AND next_attempt_at = 'infinity' FOR UPDATE)
      UPDATE outbox o SET attempts = 0, next_attempt_at = now(), dead_lettered_at = NULL
      FROM dead WHERE o.id = dead.id
      RETURNING o.id, o.type, o.subject, dead.attempts, o.last_error, o.created_at,
        dead.dead_lettered_at, octet_length(o.payload) AS bytes""";

  private final DatabaseClient db;
  private final RelayWakeUp wakeUp;

  R2dbcOutboxDeadLetters(DatabaseClient db, RelayWakeUp wakeUp) {
    this.db = db;
    this.wakeUp = wakeUp;
  }

  @Override
  public String store() {
    return "r2dbc";
  }

  @Override
  public Flux<OutboxDeadLetter> list() {
    return db.sql(LIST).bind("cap", CAP).map(R2dbcOutboxDeadLetters::letter).all();
  }

  @Override
  public Flux<OutboxDeadLetter> requeue(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return db.sql(REQUEUE)
        .bind("ids", ids.toArray(UUID[]::new))
        .map(R2dbcOutboxDeadLetters::letter)
        .all()
        .doOnComplete(wakeUp::appended);
  }

  private static OutboxDeadLetter letter(Readable row) {
    OffsetDateTime dead = row.get("dead_lettered_at", OffsetDateTime.class);
    return new OutboxDeadLetter(
        row.get("id", UUID.class),
        row.get("type", String.class),
        row.get("subject", String.class),
        row.get("attempts", Integer.class),
        row.get("last_error", String.class),
        row.get("created_at", OffsetDateTime.class).toInstant(),
        dead == null ? null : dead.toInstant(),
        row.get("bytes", Integer.class));
  }
}
