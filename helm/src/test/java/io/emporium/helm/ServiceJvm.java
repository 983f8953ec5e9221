package io.emporium.helm;

import io.emporium.local.ProcessTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's jar (services/&lt;name&gt;/target/&lt;name&gt;.jar, what the image holds) started as
 * its container would be: with exactly the given environment and nothing inherited from the test
 * JVM, logging to target/chart-env/&lt;label&gt;.log.
 */
final class ServiceJvm implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final Path log;

  private ServiceJvm(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static ServiceJvm start(String service, String label, Map<String, String> environment) {
    Path jar =
        Charts.repoRoot()
            .resolve("services")
            .resolve(service)
            .resolve("target/" + service + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(
          jar
              + " is missing: the helm module tests run after the services are packaged"
              + " (./mvnw -pl services/"
              + service
              + " -am package)");
    }
    try {
      Path log = Charts.helmDir().resolve("target/chart-env").resolve(label + ".log");
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command(jar))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .directory(log.getParent().toFile());
      builder.environment().clear();
      builder.environment().putAll(environment);
      return new ServiceJvm(builder.start(), Integer.parseInt(environment.get("SERVER_PORT")), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The image's java command, with the launcher's small-machine JVM flags instead of its RAM share.
   */
  private static List<String> command(Path jar) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 24) {
      command.add("--sun-misc-unsafe-memory-access=allow");
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(
        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
    return command;
  }

  /**
   * Waits until the readiness group answers 200 (true), or the process exits or the time runs out
   * (false).
   */
  boolean awaitReady(Duration timeout) throws InterruptedException {
    URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return true;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    return false;
  }

  /** Waits until the process exits; its exit code, or -1 if it is still running at the deadline. */
  int awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        ? process.exitValue()
        : -1;
  }

  /** The log so far (for assertion messages). */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** The last lines of the log. */
  String logTail() {
    List<String> lines = log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  @Override
  public void close() {
    ProcessTrees.stop(process.toHandle(), Duration.ofSeconds(20));
  }
}
