package io.emporium.chaos.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Restarts the stack's PostgreSQL under load: a fast shutdown (every connection is cut and open
 * transactions roll back), some seconds down, then the same cluster on the same port and data. The
 * embedded PostgreSQL runs in a user namespace ({@code unshare -U}, as zonky starts it: the server
 * refuses to run as root), so its own {@code pg_ctl} does the work.
 */
public final class PostgresRestarts {

  private final String jdbcUrl;
  private final Path log;

  PostgresRestarts(String jdbcUrl, Path log) {
    this.jdbcUrl = jdbcUrl;
    this.log = log;
  }

  /** Stops the server, waits {@code down}, starts it again and returns once it answers. */
  public void restart(Duration down) {
    Cluster cluster = cluster();
    pgCtl(cluster, "stop", "-m", "fast");
    sleep(down);
    pgCtl(cluster, "-l", log.toString(), "-o", cluster.options(), "start");
    awaitAnswer(Duration.ofSeconds(60));
  }

  /** The data directory and how its postmaster was started (postmaster.opts). */
  private Cluster cluster() {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SHOW data_directory")) {
      result.next();
      Path data = Path.of(result.getString(1));
      String opts = Files.readString(data.resolve("postmaster.opts")).trim();
      Path postgres = Path.of(opts.substring(0, opts.indexOf(' ')));
      // Everything after the data directory ("-D" "<dir>"): port, settings.
      String options = opts.substring(opts.indexOf("\"-p\""));
      return new Cluster(data, postgres.resolveSibling("pg_ctl"), options);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot find the PostgreSQL cluster of " + jdbcUrl, e);
    }
  }

  private void pgCtl(Cluster cluster, String... command) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("unshare", "-U", cluster.pgCtl().toString(), "-D", cluster.data().toString()));
    args.add("-w");
    args.addAll(List.of(command));
    try {
      Process process =
          new ProcessBuilder(args)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", args) + " failed; see " + log);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run pg_ctl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void awaitAnswer(Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (true) {
      try (Connection ignored = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
        return;
      } catch (SQLException e) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("PostgreSQL did not come back within " + within, e);
        }
        sleep(Duration.ofMillis(200));
      }
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private record Cluster(Path data, Path pgCtl, String options) {}
}
