package io.emporium.payment;

import io.emporium.platform.testing.TestEnvironment;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The payment service's database read and written by a test over JDBC, outside the service (which
 * the test may stop and start meanwhile): to look at its rows or to stage a crash's leftovers.
 */
public record PaymentDatabase(String database) {

  /** The first column of every row {@code sql} returns, as text. */
  public List<String> values(String sql) {
    var pg = TestEnvironment.postgres();
    try (var c = DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
        var s = c.createStatement();
        var r = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (r.next()) {
        values.add(r.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the first row {@code sql} returns, or null. */
  public String value(String sql) {
    return values(sql).stream().findFirst().orElse(null);
  }

  public void execute(String sql) {
    var pg = TestEnvironment.postgres();
    try (var c = DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
        var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
