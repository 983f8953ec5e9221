package io.emporium.notification;

import io.emporium.platform.testing.ServiceIntegrationTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The notification service on a random port against the test JVM's emulator (topology provisioned,
 * reset per class; the sender's SES identity created at startup as in the local profile) and a
 * fresh PostgreSQL database. The context is closed after each class: the next class resets the
 * emulator under it.
 */
@ServiceIntegrationTest(
    database = "notification",
    properties = "emporium.notification.verify-sender=true")
@DirtiesContext
public abstract class NotificationIntegrationTest {}
