package io.emporium.notification;

import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.SpringTestProperties;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notification service on a random port against the test JVM's emulator (topology provisioned,
 * reset per class; the sender's SES identity created at startup as in the local profile) and a
 * fresh PostgreSQL database. The context is closed after each class: the next class resets the
 * emulator under it.
 */
@ExtendWith(EmulatedInfrastructure.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "emporium.notification.verify-sender=true",
      "emporium.messaging.relay.poll-interval=50ms",
      "emporium.messaging.listener.initial-backoff-seconds=1"
    })
@DirtiesContext
public abstract class NotificationIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SpringTestProperties.aws(registry);
    SpringTestProperties.postgres(registry, "notification");
  }
}
