package io.emporium.notification.notifications;

import java.time.Instant;
import java.util.UUID;
import org.springframework.lang.Nullable;

/** An inbox item of {@code GET /api/notification/notifications}. */
record NotificationView(
    UUID notificationId,
    String orderId,
    String template,
    String subject,
    String channel,
    String recipient,
    NotificationStatus status,
    @Nullable String providerMessageId,
    Instant createdAt) {

  static NotificationView of(Notification n) {
    return new NotificationView(
        n.notificationId(),
        n.orderId(),
        n.template(),
        n.subject(),
        n.channel(),
        n.recipient(),
        n.status(),
        n.providerMessageId(),
        n.createdAt());
  }
}
