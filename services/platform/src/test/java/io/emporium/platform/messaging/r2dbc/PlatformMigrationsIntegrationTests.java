package io.emporium.platform.messaging.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.platform.testing.TestEnvironment;
import io.emporium.platform.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's migrations on a database that a service migrated before a platform change: the
 * outbox's dead-lettered time arrives on it too (a versioned V0_x would be refused there).
 */
class PlatformMigrationsIntegrationTests {

  private static final String DATABASE = "migrations";

  private final TestPostgres postgres = TestEnvironment.postgres();

  @Test
  void aDatabaseMigratedBeforeTheDeadLetteredTimeGetsItWithoutAnError(@TempDir Path before)
      throws Exception {
    postgres.recreateDatabase(DATABASE);
    copy("db/platform/V0_1__platform_messaging.sql", before);
    migrate("filesystem:" + before, "classpath:db/platform-test");
    assertThat(hasDeadLetteredAt()).isFalse();

    int applied = migrate("classpath:db/platform", "classpath:db/platform-test");

    assertThat(applied).isEqualTo(1);
    assertThat(hasDeadLetteredAt()).isTrue();
  }

  private int migrate(String... locations) {
    return Flyway.configure()
        .dataSource(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password())
        .locations(locations)
        .load()
        .migrate()
        .migrationsExecuted;
  }

  private boolean hasDeadLetteredAt() throws SQLException {
    try (Connection db =
            DriverManager.getConnection(
                postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password());
        var columns = db.getMetaData().getColumns(null, null, "outbox", "dead_lettered_at")) {
      return columns.next();
    }
  }

  private static void copy(String resource, Path directory) throws IOException {
    try (InputStream in =
        PlatformMigrationsIntegrationTests.class.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, directory.resolve(Path.of(resource).getFileName()));
    }
  }
}
