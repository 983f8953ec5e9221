package io.emporium.notification;

import io.emporium.platform.testing.StandaloneService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notification service starts alone the way {@code ./emporium up} runs it. */
class StandaloneStartupIntegrationTests {

  @Test
  void startsAloneReadyWithItsOutboxMetricsAndApiDocs() {
    try (var notification =
        StandaloneService.start(NotificationApplication.class, "notification")) {
      notification.assertStartsAlone(
          List.of("emporium_outbox_pending"), "/api/notification/notifications");
    }
  }
}
