package io.emporium.platform.messaging.r2dbc;

import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.SpringTestProperties;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The messaging test app against the test JVM's emulator (topology provisioned) and PostgreSQL. */
@ExtendWith(EmulatedInfrastructure.class)
@SpringBootTest(
    classes = MessagingTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "emporium.messaging.service=order",
      // The test app's own table; a service's db/migration is not on this classpath.
      "spring.flyway.locations=classpath:db/platform-test",
      "emporium.messaging.relay.poll-interval=50ms",
      "emporium.messaging.relay.initial-backoff=1s",
      "emporium.messaging.listener.initial-backoff-seconds=1",
      "emporium.messaging.listener.multiplier=2"
    })
abstract class MessagingIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SpringTestProperties.aws(registry);
    SpringTestProperties.postgres(registry, "messaging");
  }
}
