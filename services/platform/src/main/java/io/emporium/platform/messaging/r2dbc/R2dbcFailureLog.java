package io.emporium.platform.messaging.r2dbc;

import io.emporium.platform.messaging.inbox.FailureLog;
import io.emporium.platform.messaging.inbox.InboundMessage;
import io.emporium.platform.messaging.inbox.MessageFailure;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Keeps failure reasons in {@code message_failures}, outside the failed transaction. */
final class R2dbcFailureLog implements FailureLog {

  private static final String UPSERT =
      """
      INSERT INTO message_failures (message_id, queue, event_id, type, reason, receive_count)
      VALUES (:messageId, :queue, :eventId, :type, :reason, :receiveCount)
      ON CONFLICT (message_id) DO UPDATE SET reason = excluded.reason,
        receive_count = excluded.receive_count, last_failed_at = now()""";
  private static final String FIND = "SELECT * FROM message_failures WHERE message_id = :id";

  private final DatabaseClient db;

  R2dbcFailureLog(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> record(InboundMessage message, String eventId, String type, String reason) {
    var insert =
        db.sql(UPSERT)
            .bind("messageId", message.messageId())
            .bind("queue", message.queue())
            .bind("eventId", eventId)
            .bind("reason", reason)
            .bind("receiveCount", message.receiveCount());
    insert = type == null ? insert.bindNull("type", String.class) : insert.bind("type", type);
    return insert.then();
  }

  @Override
  public Mono<MessageFailure> find(String messageId) {
    return db.sql(FIND)
        .bind("id", messageId)
        .map(
            row ->
                new MessageFailure(
                    row.get("message_id", String.class),
                    row.get("queue", String.class),
                    row.get("event_id", String.class),
                    row.get("type", String.class),
                    row.get("reason", String.class),
                    row.get("receive_count", Integer.class),
                    row.get("first_failed_at", OffsetDateTime.class).toInstant(),
                    row.get("last_failed_at", OffsetDateTime.class).toInstant()))
        .one();
  }
}
