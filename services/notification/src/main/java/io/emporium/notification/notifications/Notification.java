package io.emporium.notification.notifications;

import java.time.Instant;
import java.util.UUID;

/** One message to a customer about an order, as stored. */
record Notification(
    UUID notificationId,
    UUID eventId,
    String customerId,
    String orderId,
    String template,
    String channel,
    String recipient,
    String subject,
    String bodyText,
    String bodyHtml,
    NotificationStatus status,
    String providerMessageId,
    Instant createdAt) {

  static final String EMAIL = "EMAIL";
}
