package io.emporium.platform.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at the test JVM's emulator and PostgreSQL. */
public final class SpringTestProperties {

  private SpringTestProperties() {}

  public static void aws(DynamicPropertyRegistry registry) {
    AwsEmulator aws = TestEnvironment.aws();
    registry.add("spring.cloud.aws.endpoint", () -> aws.endpoint().toString());
    registry.add("spring.cloud.aws.region.static", () -> aws.clients().region().id());
    registry.add("spring.cloud.aws.credentials.access-key", () -> aws.clients().accessKey());
    registry.add("spring.cloud.aws.credentials.secret-key", () -> aws.clients().secretKey());
    registry.add("emporium.messaging.env", () -> EmulatedInfrastructure.ENV);
    identity(registry);
  }

  /** The test JVM's user pool ({@link TestUsers#pool()}): {@code emporium.identity.*}. */
  public static void identity(DynamicPropertyRegistry registry) {
    TestUsers.pool().properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  /** A fresh {@code database} for R2DBC and Flyway. */
  public static void postgres(DynamicPropertyRegistry registry, String database) {
    TestPostgres postgres = TestEnvironment.postgres();
    postgres.recreateDatabase(database);
    registry.add("spring.r2dbc.url", () -> postgres.r2dbcUrl(database));
    registry.add("spring.r2dbc.username", postgres::user);
    registry.add("spring.r2dbc.password", postgres::password);
    registry.add("spring.flyway.url", () -> postgres.jdbcUrl(database));
    registry.add("spring.flyway.user", postgres::user);
    registry.add("spring.flyway.password", postgres::password);
  }
}
