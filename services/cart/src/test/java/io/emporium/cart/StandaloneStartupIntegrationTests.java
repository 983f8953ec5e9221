package io.emporium.cart;

import io.emporium.platform.testing.StandaloneService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cart starts alone the way {@code ./emporium up} runs it (its catalog need not answer). */
class StandaloneStartupIntegrationTests {

  @Test
  void startsAloneReadyWithItsOutboxMetricsAndApiDocs() {
    try (var cart =
        StandaloneService.start(
            CartApplication.class, "cart", "--emporium.cart.catalog-url=http://127.0.0.1:9")) {
      cart.assertStartsAlone(
          List.of("emporium_outbox_pending"), "/api/cart/checkout", "/api/cart/items");
    }
  }
}
