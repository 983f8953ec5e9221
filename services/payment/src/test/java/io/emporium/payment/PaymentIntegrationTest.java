package io.emporium.payment;

import io.emporium.platform.testing.ServiceIntegrationTest;
import io.emporium.platform.testing.TestPaymentProvider;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The payment service on a random port against the test JVM's emulator (topology provisioned, reset
 * per class), a fresh PostgreSQL database and the payment provider simulator (its jar, its own
 * process). The context is closed after each class: the next class resets the emulator under it.
 */
@ServiceIntegrationTest(database = "payment")
@DirtiesContext
public abstract class PaymentIntegrationTest {

  /** Where order reads payment's verdicts (nobody else consumes it in these tests). */
  protected static final String ORDER_FROM_PAYMENT = "emporium-test-order-from-payment";

  /** Where notification reads refunds. */
  protected static final String NOTIFICATION_FROM_PAYMENT =
      "emporium-test-notification-from-payment";

  @DynamicPropertySource
  static void paymentProvider(DynamicPropertyRegistry registry) {
    TestPaymentProvider psp = TestPaymentProvider.shared();
    registry.add("emporium.payment.provider.base-url", () -> psp.baseUrl() + "/api/psp/v1");
    registry.add("emporium.payment.provider.api-key", psp::apiKey);
  }
}
