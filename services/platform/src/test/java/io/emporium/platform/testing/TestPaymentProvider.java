package io.emporium.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.local.FreePorts;
import io.emporium.local.ProcessTrees;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment provider simulator ({@code services/psp}) for tests: its built jar run as its own
 * process, as {@code ./emporium up} runs it, on a free port with a fresh database {@value
 * #DATABASE} on the test JVM's PostgreSQL and an API key made for the run. Started once per test
 * JVM ({@link #shared()}) and stopped at exit; {@link #restart()} kills it (SIGKILL) and starts it
 * again on the same port and data.
 */
public final class TestPaymentProvider {

  /** Its database (the simulator's local profile names it after the application). */
  public static final String DATABASE = "psp";

  /** How long the slow test card takes to answer in tests (production default: 30 s). */
  public static final Duration SLOW_ANSWER = Duration.ofSeconds(8);

  private static final Logger log = LoggerFactory.getLogger(TestPaymentProvider.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestPaymentProvider shared;

  private final Path jar;
  private final TestPostgres postgres;
  private final int port = FreePorts.next();
  private final String apiKey = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
  private final Path logFile;
  private Process process;

  private TestPaymentProvider(Path jar, TestPostgres postgres) {
    this.jar = jar;
    this.postgres = postgres;
    this.logFile = Path.of("target", "psp-" + port + ".log").toAbsolutePath();
  }

  /** The one simulator of this test JVM, started on first use with an empty database. */
  public static synchronized TestPaymentProvider shared() {
    if (shared == null) {
      TestPostgres postgres = TestEnvironment.postgres();
      postgres.recreateDatabase(DATABASE);
      shared = new TestPaymentProvider(jar(), postgres);
      shared.start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  /** {@code services/psp/target/psp.jar}, found from the working directory up. */
  static Path jar() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path jar = dir.resolve("services/psp/target/psp.jar");
      if (Files.isDirectory(dir.resolve("services/psp"))) {
        if (!Files.isRegularFile(jar)) {
          throw new IllegalStateException(
              "the payment provider simulator is not built: ./mvnw -B -ntp -pl services/psp"
                  + " package -DskipTests");
        }
        return jar;
      }
    }
    throw new IllegalStateException("no services/psp above " + Path.of("").toAbsolutePath());
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public String apiKey() {
    return apiKey;
  }

  /** Kills the simulator (no graceful shutdown) and starts it again on the same port and data. */
  public synchronized void restart() {
    process.destroyForcibly();
    ProcessTrees.awaitExit(List.of(process.toHandle()), Duration.ofSeconds(20));
    start();
  }

  /** Every payment the simulator holds with this merchant reference (an order id), oldest first. */
  public List<JsonNode> payments(String reference) {
    JsonNode list =
        get(
            "/api/psp/v1/payments?reference="
                + URLEncoder.encode(reference, StandardCharsets.UTF_8));
    List<JsonNode> items = new ArrayList<>();
    list.get("items").forEach(items::add);
    return items;
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(baseUrl().resolve(path))
                  .header("Authorization", "Bearer " + apiKey)
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private synchronized void start() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
    command.add("--server.address=127.0.0.1");
    command.add("--server.port=" + port);
    command.add("--spring.r2dbc.url=" + postgres.r2dbcUrl(DATABASE));
    command.add("--spring.r2dbc.username=" + postgres.user());
    command.add("--spring.flyway.url=" + postgres.jdbcUrl(DATABASE));
    command.add("--spring.flyway.user=" + postgres.user());
    command.add("--emporium.psp.slow-answer-delay=" + SLOW_ANSWER.toMillis() + "ms");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().put("EMPORIUM_PSP_API_KEY", apiKey);
    builder.environment().put("SPRING_R2DBC_PASSWORD", postgres.password());
    builder.environment().put("SPRING_FLYWAY_PASSWORD", postgres.password());
    try {
      Files.createDirectories(logFile.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + jar, e);
    }
    awaitReady();
    log.info("payment provider simulator ready on {} (log {})", baseUrl(), logFile);
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plusSeconds(90);
    URI readiness = baseUrl().resolve("/actuator/health/readiness");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the simulator exited while starting; see " + logFile);
      }
      try {
        var response =
            HTTP.send(
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the simulator was not ready in 90 s; see " + logFile);
  }

  private synchronized void stop() {
    if (process != null && process.isAlive()) {
      ProcessTrees.stop(process.toHandle(), Duration.ofSeconds(10));
    }
  }
}
