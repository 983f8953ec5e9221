package io.emporium.launcher.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar ({@code target/launcher-<version>-dlq.jar}, built by {@code package} before
 * failsafe runs) on its own: a JVM with nothing but the jar, started outside the repository, with
 * no AWS variables, against the test emulator as "any endpoint".
 */
@ExtendWith(EmulatedInfrastructure.class)
class StandaloneJarIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final QueueProbe probe = new QueueProbe(TestEnvironment.aws().clients().sqs());
  private final Subscription edge =
      Topology.load().subscription(EmulatedInfrastructure.ENV, "notification", "order");
  private final String endpoint = TestEnvironment.aws().endpoint().toString();

  @TempDir Path elsewhere;

  @BeforeEach
  void emptyQueues() {
    probe.purge(edge.dlq());
    probe.purge(edge.queue());
  }

  @Test
  void theJarAloneListsShowsAndReplaysAgainstTheEndpointItIsGiven() throws Exception {
    String eventId = UUID.randomUUID().toString();
    probe.send(
        edge.dlq(),
        "{\"id\":\"%s\",\"type\":\"order.OrderConfirmed.v1\",\"subject\":\"ord-jar\",\"data\":{}}"
            .formatted(eventId));

    Run list = jar("list", "--json");
    Run show = jar("show", edge.dlq(), "--api-url", "http://127.0.0.1:1");
    Run replay = jar("replay", edge.dlq(), "--id", eventId, "--json");

    assertThat(list.code()).as(list.err()).isZero();
    JsonNode queues = JSON.readTree(list.out());
    assertThat(queues).hasSize(Topology.load().subscriptions(EmulatedInfrastructure.ENV).size());
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out()).contains(eventId, "order.OrderConfirmed.v1", "ord-jar");
    assertThat(replay.code()).as(replay.err()).isZero();
    assertThat(JSON.readTree(replay.out()).get("count").asInt()).isEqualTo(1);
    assertThat(probe.await(edge.queue(), 1, Duration.ofSeconds(10)).get(0).body())
        .contains(eventId);
  }

  @Test
  void withoutAnEndpointOrCredentialsTheJarSaysSoInOneLine() throws Exception {
    Run run = jar("list", "--env", "nowhere", "--region", "eu-west-1");

    assertThat(run.code()).isEqualTo(ExitCodes.CREDENTIALS);
    assertThat(run.err().strip()).hasLineCount(1).containsIgnoringCase("credentials");
  }

  private Run jar(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-jar",
                standaloneJar().toString()));
    command.addAll(List.of(args));
    if (!List.of(args).contains("--env")) {
      command.addAll(List.of("--endpoint", endpoint, "--env", EmulatedInfrastructure.ENV));
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("EMPORIUM_"));
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().put("AWS_CONFIG_FILE", elsewhere.resolve("none").toString());
    builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", elsewhere.resolve("none").toString());
    Path out = elsewhere.resolve("out-" + UUID.randomUUID());
    Path err = elsewhere.resolve("err-" + UUID.randomUUID());
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the jar ends").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Path standaloneJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .map(Path::toAbsolutePath)
          .filter(f -> f.getFileName().toString().endsWith("-dlq.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no target/*-dlq.jar: run mvn verify (package)"));
    }
  }

  record Run(int code, String out, String err) {}
}
