package io.emporium.payment;

import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.SpringTestProperties;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The payment service on a random port against the test JVM's emulator (topology provisioned, reset
 * per class) and a fresh PostgreSQL database. The context is closed after each class: the next
 * class resets the emulator under it.
 */
@ExtendWith(EmulatedInfrastructure.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "emporium.messaging.relay.poll-interval=50ms",
      "emporium.messaging.listener.initial-backoff-seconds=1"
    })
@DirtiesContext
public abstract class PaymentIntegrationTest {

  /** Where order reads payment's verdicts (nobody else consumes it in these tests). */
  protected static final String ORDER_FROM_PAYMENT = "emporium-test-order-from-payment";

  /** Where notification reads refunds. */
  protected static final String NOTIFICATION_FROM_PAYMENT =
      "emporium-test-notification-from-payment";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SpringTestProperties.aws(registry);
    SpringTestProperties.postgres(registry, "payment");
  }
}
