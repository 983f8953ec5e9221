package io.emporium.chaos.check;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** JDBC to the shop's databases by name, as their owner: one connection per query or update. */
final class ShopDatabases {

  private final Function<String, String> jdbcUrls;

  ShopDatabases(Function<String, String> jdbcUrls) {
    this.jdbcUrls = jdbcUrls;
  }

  /** Binds {@code values} as the statement's one parameter, a text array (for {@code = ANY(?)}). */
  static Binder anyOf(List<String> values) {
    return statement -> statement.setArray(1, texts(statement.getConnection(), values));
  }

  static Array texts(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray());
  }

  <T> List<T> query(String database, String sql, Binder binder, Row<T> row) {
    try (Connection connection = connect(database);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      List<T> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(row.read(result));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("reading " + database + ": " + e.getMessage(), e);
    }
  }

  /** The one number {@code sql} answers (a count). */
  int count(String database, String sql, Binder binder) {
    return query(database, sql, binder, row -> row.getInt(1)).getFirst();
  }

  void update(String database, String sql, Binder binder) {
    try (Connection connection = connect(database);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("updating " + database + ": " + e.getMessage(), e);
    }
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrls.apply(database), "postgres", "postgres");
  }

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }
}
