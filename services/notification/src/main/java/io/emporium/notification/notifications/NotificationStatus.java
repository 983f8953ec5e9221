package io.emporium.notification.notifications;

/** PENDING: recorded, not yet accepted by SES. SENT: SES accepted it (providerMessageId). */
public enum NotificationStatus {
  PENDING,
  SENT
}
