package io.emporium.catalog;

import io.emporium.platform.testing.ServiceIntegrationTest;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;

/**
 * The catalog against the test JVM's emulator (topology "test" provisioned) and PostgreSQL. Every
 * integration test class extends this, so they share one application context (one set of listeners
 * on the queues) and one database with the seed catalog.
 */
@ServiceIntegrationTest(
    database = "catalog_it",
    properties = {
      "emporium.messaging.relay.initial-backoff=1s",
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
}
