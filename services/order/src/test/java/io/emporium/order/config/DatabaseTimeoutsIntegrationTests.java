package io.emporium.order.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.order.OrderIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The platform's defaults reach every connection: no statement and no row lock waits forever (a
 * hung statement used to stall the deadline sweeper for good).
 */
class DatabaseTimeoutsIntegrationTests extends OrderIntegrationTest {

  @Autowired DatabaseClient db;

  @Test
  void everyConnectionHasAStatementAndALockTimeout() {
    assertThat(setting("statement_timeout")).isEqualTo("30s");
    assertThat(setting("lock_timeout")).isEqualTo("10s");
  }

  private String setting(String name) {
    return db.sql("SELECT current_setting('" + name + "') AS value")
        .map(row -> row.get("value", String.class))
        .one()
        .block();
  }
}
