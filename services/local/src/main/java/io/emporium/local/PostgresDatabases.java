package io.emporium.local;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates a service's database on a PostgreSQL server unless it exists (embedded or given). */
public final class PostgresDatabases {

  private PostgresDatabases() {}

  /** {@code database} must be a plain name; it is quoted ("order" is a reserved word). */
  public static void createIfMissing(Connection connection, String database) throws SQLException {
    if (!database.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (Statement statement = connection.createStatement();
        ResultSet exists =
            statement.executeQuery(
                "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
      if (!exists.next()) {
        statement.execute("CREATE DATABASE \"" + database + "\"");
      }
    }
  }
}
