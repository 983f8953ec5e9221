package io.emporium.notification.notifications;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Notifications in PostgreSQL, one per (order, template). */
@Repository
class NotificationRepository {

  private static final String INSERT =
      """
      INSERT INTO notifications (notification_id, event_id, customer_id, order_id, template, channel,
        recipient, subject, body_text, body_html, status)
      VALUES (:id, :eventId, :customerId, :orderId, :template, :channel, :recipient, :subject,
        :text, :html, 'PENDING')
      ON CONFLICT (order_id, template) DO NOTHING""";
  private static final String CLAIM =
      """
      UPDATE notifications SET send_claimed_until = now() + make_interval(secs => :leaseSeconds)
      WHERE order_id = :orderId AND template = :template AND status = 'PENDING'
        AND (send_claimed_until IS NULL OR send_claimed_until < now())
      RETURNING *""";
  private static final String FIND =
      "SELECT * FROM notifications WHERE order_id = :orderId AND template = :template";
  private static final String MARK_SENT =
      """
      UPDATE notifications SET status = 'SENT', provider_message_id = :messageId, sent_at = now(),
        send_claimed_until = NULL
      WHERE notification_id = :id AND status = 'PENDING'""";
  private static final String RELEASE =
      "UPDATE notifications SET send_claimed_until = NULL WHERE notification_id = :id";
  private static final String INBOX =
      """
      SELECT * FROM notifications WHERE customer_id = :customerId
      ORDER BY created_at DESC, notification_id DESC LIMIT :limit OFFSET :offset""";
  private static final String COUNT =
      "SELECT count(*) AS n FROM notifications WHERE customer_id = :customerId";

  private final DatabaseClient db;

  NotificationRepository(DatabaseClient db) {
    this.db = db;
  }

  /** Records a PENDING notification unless its order already has one of that template. */
  Mono<Void> insertIfAbsent(Notification n) {
    return db.sql(INSERT)
        .bind("id", n.notificationId())
        .bind("eventId", n.eventId())
        .bind("customerId", n.customerId())
        .bind("orderId", n.orderId())
        .bind("template", n.template())
        .bind("channel", n.channel())
        .bind("recipient", n.recipient())
        .bind("subject", n.subject())
        .bind("text", n.bodyText())
        .bind("html", n.bodyHtml())
        .then();
  }

  /** Takes the right to send a PENDING notification for {@code lease}; empty if none to take. */
  Mono<Notification> claimForSending(String orderId, String template, Duration lease) {
    return db.sql(CLAIM)
        .bind("orderId", orderId)
        .bind("template", template)
        .bind("leaseSeconds", lease.toMillis() / 1000.0)
        .map(NotificationRepository::notification)
        .one();
  }

  Mono<Notification> find(String orderId, String template) {
    return db.sql(FIND)
        .bind("orderId", orderId)
        .bind("template", template)
        .map(NotificationRepository::notification)
        .one();
  }

  /** True when this call moved it from PENDING to SENT. */
  Mono<Boolean> markSent(UUID id, String providerMessageId) {
    return db.sql(MARK_SENT)
        .bind("id", id)
        .bind("messageId", providerMessageId)
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  Mono<Void> releaseClaim(UUID id) {
    return db.sql(RELEASE).bind("id", id).then();
  }

  Flux<Notification> inbox(String customerId, int page, int size) {
    return db.sql(INBOX)
        .bind("customerId", customerId)
        .bind("limit", size)
        .bind("offset", (long) page * size)
        .map(NotificationRepository::notification)
        .all();
  }

  Mono<Long> count(String customerId) {
    return db.sql(COUNT).bind("customerId", customerId).map(row -> row.get("n", Long.class)).one();
  }

  private static Notification notification(Readable row) {
    return new Notification(
        row.get("notification_id", UUID.class),
        row.get("event_id", UUID.class),
        row.get("customer_id", String.class),
        row.get("order_id", String.class),
        row.get("template", String.class),
        row.get("channel", String.class),
        row.get("recipient", String.class),
        row.get("subject", String.class),
        row.get("body_text", String.class),
        row.get("body_html", String.class),
        NotificationStatus.valueOf(row.get("status", String.class)),
        row.get("provider_message_id", String.class),
        row.get("created_at", OffsetDateTime.class).toInstant());
  }
}
