package io.emporium.platform.messaging.r2dbc;

import io.emporium.platform.testing.ServiceIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;

/** The messaging test app against the test JVM's emulator (topology provisioned) and PostgreSQL. */
@ServiceIntegrationTest(
    database = "messaging",
    classes = MessagingTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "emporium.messaging.service=order",
      // The test app's own table; a service's db/migration is not on this classpath.
      "spring.flyway.locations=classpath:db/platform-test",
      "emporium.messaging.relay.initial-backoff=1s",
      "emporium.messaging.listener.multiplier=2"
    })
abstract class MessagingIntegrationTest {}
