package io.emporium.order;

import io.emporium.platform.testing.StandaloneService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order service starts alone the way {@code ./emporium up} runs it. */
class StandaloneStartupIntegrationTests {

  @Test
  void startsAloneReadyWithItsOutboxMetricsAndApiDocs() {
    try (var order = StandaloneService.start(OrderApplication.class, "order")) {
      order.assertStartsAlone(
          List.of("emporium_outbox_pending"), "/api/order/orders/{orderId}/events");
    }
  }
}
