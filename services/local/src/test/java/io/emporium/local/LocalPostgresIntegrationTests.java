package io.emporium.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class LocalPostgresIntegrationTests {

  @Test
  void createsADatabaseNamedLikeAReservedWordOnceAndConnectsToIt() throws Exception {
    try (LocalPostgres postgres = LocalPostgres.start()) {
      postgres.createDatabase("order");
      postgres.createDatabase("order");

      try (Connection connection =
              DriverManager.getConnection(postgres.jdbcUrl("order"), LocalPostgres.USER, "");
          ResultSet database =
              connection.createStatement().executeQuery("SELECT current_database()")) {
        assertThat(database.next()).isTrue();
        assertThat(database.getString(1)).isEqualTo("order");
      }
    }
  }
}
