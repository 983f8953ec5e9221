package io.emporium.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code moto_server} process on loopback: the AWS emulator where Docker (and so LocalStack) is
 * not available. Speaks the same AWS APIs; reset with {@link #reset()}.
 *
 * <p>It runs as {@code python3 -c <moto_server.py> -H 127.0.0.1 -p <port>}: moto's own server with
 * its DynamoDB calls serialized, because moto 5.2.1 undoes concurrently committed writes when it
 * cancels a TransactWriteItems (see moto_server.py next to this class).
 */
public final class MotoServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MotoServer.class);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** moto's server, patched (moto_server.py): its text, run with {@code python3 -c}. */
  private static final String LAUNCHER = launcher();

  private final Process process;
  private final URI endpoint;

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** Starts moto on a free port; its output goes to a temp file named in the log. */
  public static MotoServer start() {
    return start(FreePorts.next(), null);
  }

  /**
   * Starts moto on {@code port}, logging to {@code logFile} (a temp file when null), and waits
   * until it answers.
   */
  public static MotoServer start(int port, Path logFile) {
    if (!FreePorts.isFree(port)) {
      throw new IllegalStateException("port " + port + " is taken: cannot start moto_server there");
    }
    try {
      Path log = logFile != null ? logFile : Files.createTempFile("moto-" + port + "-", ".log");
      Process process =
          new ProcessBuilder(
                  "python3", "-c", LAUNCHER, "-H", "127.0.0.1", "-p", String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
      server.awaitReady(log);
      MotoServer.log.info(
          "moto_server ready at {} (pid {}, log {})", server.endpoint, process.pid(), log);
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start moto_server (is python3 with moto[server] on PATH?): " + e.getMessage(), e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  public long pid() {
    return process.pid();
  }

  /** Forgets every resource: topics, queues, tables. */
  public void reset() {
    send(
        endpoint,
        HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * Seeds moto's random generator: the same calls then create the same ids (user pools, app
   * clients, users' {@code sub}). {@code ./emporium up} seeds before creating its user pool and
   * demo users, so their ids survive a restart of the emulator, and reseeds at random afterwards.
   */
  public static void seed(URI endpoint, long seed) {
    send(
        endpoint,
        HttpRequest.newBuilder(endpoint.resolve("/moto-api/seed?a=" + seed))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** True when {@code endpoint} answers like a moto server. */
  public static boolean answers(URI endpoint) {
    try {
      var response =
          HTTP.send(
              HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                  .timeout(Duration.ofSeconds(2))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    ProcessTrees.stop(process);
  }

  private void awaitReady(Path log) {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "moto_server exited with " + process.exitValue() + "; see " + log);
      }
      if (answers(endpoint)) {
        return;
      }
      sleep(Duration.ofMillis(100));
    }
    close();
    throw new IllegalStateException(
        "moto_server did not answer within " + STARTUP_TIMEOUT + "; see " + log);
  }

  private static void send(URI endpoint, HttpRequest.Builder request) {
    try {
      var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            "moto answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("moto at " + endpoint + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String launcher() {
    try (var in = MotoServer.class.getResourceAsStream("moto_server.py")) {
      if (in == null) {
        throw new IllegalStateException("moto_server.py is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read moto_server.py", e);
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
}
