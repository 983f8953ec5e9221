package io.emporium.payment;

import io.emporium.platform.testing.StandaloneService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payment service starts alone the way {@code ./emporium up} runs it. */
class StandaloneStartupIntegrationTests {

  @Test
  void startsAloneReadyWithItsOutboxMetricsAndApiDocs() {
    try (var payment =
        StandaloneService.start(
            PaymentApplication.class, "payment", "--EMPORIUM_PSP_API_KEY=standalone")) {
      payment.assertStartsAlone(List.of("emporium_outbox_pending"), "/api/payment/payments");
    }
  }
}
