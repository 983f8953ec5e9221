package io.emporium.catalog;

import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.SpringTestProperties;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalog against the test JVM's emulator (topology "test" provisioned) and PostgreSQL. Every
 * integration test class extends this, so they share one application context (one set of listeners
 * on the queues) and one database with the seed catalog.
 */
@ExtendWith(EmulatedInfrastructure.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "emporium.messaging.relay.poll-interval=50ms",
      "emporium.messaging.relay.initial-backoff=1s",
      "emporium.messaging.listener.initial-backoff-seconds=1",
      "emporium.messaging.listener.multiplier=2"
    })
public abstract class CatalogIntegrationTest {

  private static TestUser admin;

  /** A member of the admins group of the test pool, signed in once for the JVM. */
  public static synchronized TestUser admin() {
    if (admin == null) {
      admin = TestUsers.forTestEnvironment().newAdmin();
    }
    return admin;
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SpringTestProperties.aws(registry);
    SpringTestProperties.postgres(registry, "catalog_it");
  }
}
