package io.emporium.events.notification;

import io.emporium.events.DomainEvent;
import io.emporium.events.Producer;

/** Events the notification service publishes. */
@Producer("notification")
public sealed interface NotificationEvent extends DomainEvent permits NotificationSent {}
