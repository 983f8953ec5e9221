package io.emporium.launcher;

import io.emporium.local.FreePorts;
import io.emporium.local.LocalPostgres;
import io.emporium.local.PostgresDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's PostgreSQL: the one {@code EMPORIUM_PG_HOST/PORT/USER/PASSWORD} point at, or an
 * embedded one (zonky) the stack starts on its port, keeping its data under {@code
 * <stateDir>/data/postgres} when asked to.
 */
final class Database implements AutoCloseable {

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final LocalPostgres embedded;
  private final String description;

  private Database(
      String host,
      int port,
      String user,
      String password,
      LocalPostgres embedded,
      String description) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
    this.description = description;
  }

  /**
   * The PostgreSQL of localstack/docker-compose.yml: beside a LocalStack, one already listening on
   * the stack's PostgreSQL port is that one (user and password postgres).
   */
  static Optional<Database> besideLocalStack(AwsEndpoint aws, int port) {
    if (!aws.description().equals(AwsEndpoint.LOCALSTACK) || FreePorts.isFree(port)) {
      return Optional.empty();
    }
    return Optional.of(
        new Database(
            "127.0.0.1", port, "postgres", "postgres", null, "PostgreSQL beside LocalStack"));
  }

  static Optional<Database> configured(Map<String, String> env) {
    String host = env.get("EMPORIUM_PG_HOST");
    if (host == null || host.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new Database(
            host.trim(),
            Integer.parseInt(env.getOrDefault("EMPORIUM_PG_PORT", "5432").trim()),
            env.getOrDefault("EMPORIUM_PG_USER", "postgres"),
            env.getOrDefault("EMPORIUM_PG_PASSWORD", "postgres"),
            null,
            "configured (EMPORIUM_PG_HOST)"));
  }

  static Database embedded(StackSettings settings) {
    try {
      LocalPostgres postgres =
          LocalPostgres.start(
              settings.ports().postgres(), settings.keepData() ? settings.postgresData() : null);
      return new Database(
          "127.0.0.1",
          postgres.port(),
          LocalPostgres.USER,
          "postgres",
          postgres,
          "embedded PostgreSQL (started)");
    } catch (IllegalStateException e) {
      throw new LaunchException(e.getMessage(), e);
    }
  }

  boolean isEmbedded() {
    return embedded != null;
  }

  String description() {
    return description;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user, password);
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** What a service needs to find it (the local profile reads these). */
  Map<String, String> environment() {
    return Map.of(
        "EMPORIUM_PG_HOST", host,
        "EMPORIUM_PG_PORT", String.valueOf(port),
        "EMPORIUM_PG_USER", user,
        "EMPORIUM_PG_PASSWORD", password);
  }

  /** Creates each database unless it exists. */
  void createDatabases(List<String> names) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password)) {
      for (String name : names) {
        PostgresDatabases.createIfMissing(connection, name);
      }
    } catch (SQLException e) {
      throw new LaunchException(
          "cannot create the databases at " + jdbcUrl("postgres") + ": " + e.getMessage(), e);
    }
  }

  /** The postmaster of an embedded PostgreSQL (the parent of this connection's backend). */
  Optional<ProcessHandle> process() {
    if (embedded == null) {
      return Optional.empty();
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
        Statement statement = connection.createStatement();
        ResultSet backend = statement.executeQuery("SELECT pg_backend_pid()")) {
      backend.next();
      return ProcessHandle.of(backend.getLong(1)).flatMap(ProcessHandle::parent);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
