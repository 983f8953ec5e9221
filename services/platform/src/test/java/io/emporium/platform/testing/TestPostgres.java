package io.emporium.platform.testing;

import java.sql.DriverManager;
import java.sql.SQLException;

/** A PostgreSQL server tests may create databases in. */
public record TestPostgres(String host, int port, String user, String password, String kind) {

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public String r2dbcUrl(String database) {
    return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Creates a fresh, empty {@code database}, dropping any earlier one of that name. */
  public void recreateDatabase(String database) {
    if (!database.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
        var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
      statement.execute("CREATE DATABASE \"" + database + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database + " on " + this, e);
    }
  }
}
