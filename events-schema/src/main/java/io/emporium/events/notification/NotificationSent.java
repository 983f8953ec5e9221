package io.emporium.events.notification;

import io.emporium.events.WireType;

/** A message reached the customer's channel; {@code providerMessageId} is the SES message id. */
@WireType("notification.NotificationSent.v1")
public record NotificationSent(
    String notificationId,
    String customerId,
    String orderId,
    String channel,
    String template,
    String providerMessageId)
    implements NotificationEvent {

  @Override
  public String subject() {
    return notificationId;
  }
}
