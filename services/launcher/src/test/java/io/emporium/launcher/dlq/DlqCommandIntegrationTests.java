package io.emporium.launcher.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.TestEnvironment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code ./emporium dlq} as on-call runs it, on the test emulator (environment "test"). */
@ExtendWith(EmulatedInfrastructure.class)
class DlqCommandIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SqsClient sqs = TestEnvironment.aws().clients().sqs();
  private final QueueProbe probe = new QueueProbe(sqs);
  private final Subscription edge =
      Topology.load().subscription(EmulatedInfrastructure.ENV, "notification", "payment");
  private final String endpoint = TestEnvironment.aws().endpoint().toString();

  @BeforeEach
  void emptyQueues() {
    probe.purge(edge.dlq());
    probe.purge(edge.queue());
  }

  @Test
  void listsEveryDlqOfTheEnvironmentWithDepthSourceAndConsumer() throws Exception {
    deadLetters(3);

    Run run = dlq("list", "--json");

    assertThat(run.code()).isZero();
    JsonNode queues = JSON.readTree(run.out());
    assertThat(queues).hasSize(Topology.load().subscriptions("test").size());
    JsonNode ours = find(queues, edge.dlq());
    assertThat(ours.get("messages").asInt()).isEqualTo(3);
    assertThat(ours.get("source").asText()).isEqualTo(edge.queue());
    assertThat(ours.get("consumer").asText()).isEqualTo("notification");
    assertThat(ours.get("oldestAge").isNull()).isFalse();
  }

  @Test
  void showsDecodedMessagesAndSaysWhyNoReasonCouldBeRead() throws Exception {
    List<String> ids = deadLetters(2);

    Run run = dlq("show", edge.dlq(), "--api-url", "http://127.0.0.1:1");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains(ids.get(0), ids.get(1), "payment.PaymentRefunded.v1", "pay-x");
    assertThat(run.err()).contains("failure reasons unavailable");
    assertThat(probe.await(edge.dlq(), 2, Duration.ofSeconds(5))).hasSize(2);
  }

  @Test
  void clearOneLineErrorsWithTheirExitCodes() {
    Run unknown = dlq("show", "emporium-test-nobody-from-nowhere");
    Run unreachable = run("show", edge.dlq(), "--endpoint", "http://127.0.0.1:1");
    Run unconfirmed = dlq("purge", edge.dlq(), "--id", "x");
    Run usage = dlq("replay", edge.dlq(), "--rate", "fast");

    assertThat(unknown.code()).isEqualTo(ExitCodes.UNKNOWN_QUEUE);
    assertThat(unknown.err().strip())
        .hasLineCount(1)
        .contains("emporium-test-nobody-from-nowhere-dlq");
    assertThat(unreachable.code()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(unreachable.err().strip()).hasLineCount(1).contains("cannot reach");
    assertThat(unconfirmed.code()).isEqualTo(ExitCodes.NOT_CONFIRMED);
    assertThat(usage.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void replayAndPurgeAreAuditedWithTheAwsPrincipal() throws Exception {
    Instant started = Instant.now();
    List<String> ids = deadLetters(3);
    String principal;
    try (StsClient sts =
        StsClient.builder()
            .endpointOverride(TestEnvironment.aws().endpoint())
            .region(TestEnvironment.aws().clients().region())
            .credentialsProvider(TestEnvironment.aws().clients().credentials())
            .build()) {
      principal = sts.getCallerIdentity().arn();
    }

    assertThat(dlq("replay", edge.dlq(), "--id", ids.get(0)).code()).isZero();
    assertThat(dlq("purge", edge.dlq(), "--id", ids.get(1), "--yes-i-am-sure").code()).isZero();
    Run audit = dlq("audit", "--json", "--since", "1h");

    JsonNode records = JSON.readTree(audit.out());
    List<JsonNode> ours = new ArrayList<>();
    records.forEach(
        r -> {
          if (r.get("queue").asText().equals(edge.dlq())
              && Instant.parse(r.get("at").asText()).isAfter(started)) ours.add(r);
        });
    assertThat(ours)
        .extracting(r -> r.get("action").asText())
        .containsSubsequence("purge", "replay", "replay-started");
    assertThat(ours)
        .allSatisfy(
            r -> {
              assertThat(r.get("who").asText()).isEqualTo(principal);
              assertThat(r.get("via").asText()).isEqualTo("cli");
              assertThat(r.get("count").asInt())
                  .isEqualTo(r.get("action").asText().equals("replay-started") ? 0 : 1);
            });
    assertThat(dlq("audit").out()).contains(principal, "replay", "purge", "--id " + ids.get(0));
  }

  @Test
  void showPassListsOnlyTheMessagesOfThatReplayThatCameBack() throws Exception {
    List<String> ids = deadLetters(5);
    Run replay = dlq("replay", edge.dlq(), "--id", ids.get(0), "--id", ids.get(1), "--json");
    String pass = JSON.readTree(replay.out()).get("passId").asText();
    // The consumer fails on them again: SQS's redrive moves them, attributes and all, to the DLQ.
    for (Message m : probe.drainUntilEmpty(edge.queue())) {
      sqs.sendMessage(
          b ->
              b.queueUrl(probe.url(edge.dlq()))
                  .messageBody(m.body())
                  .messageAttributes(m.messageAttributes()));
    }

    Run show = dlq("show", edge.dlq(), "--pass", pass, "--json", "--api-url", "http://127.0.0.1:1");

    assertThat(replay.err()).doesNotContain("StartMessageMoveTask");
    List<String> shown = new ArrayList<>();
    JSON.readTree(show.out())
        .get("messages")
        .forEach(m -> shown.add(m.at("/letter/eventId").asText()));
    assertThat(shown).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
    assertThat(dlq("replay", edge.dlq(), "--id", ids.get(2)).out())
        .contains("--pass ", "dlq show " + edge.dlq());
  }

  @Test
  void aReplayKilledHalfwayLosesNothing() throws Exception {
    Instant started = Instant.now();
    List<String> ids = deadLetters(40);
    Process replay =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Demporium.dlq.visibility-seconds=5",
                "-cp",
                System.getProperty("java.class.path"),
                DlqMain.class.getName(),
                "replay",
                edge.dlq(),
                "--rate",
                "8",
                "--endpoint",
                endpoint,
                "--env",
                "test")
            .redirectErrorStream(true)
            .start();
    var lines =
        new BufferedReader(new InputStreamReader(replay.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = lines.readLine()) != null
        && !line.matches(".*\\b([5-9]|[1-3]\\d) of 40 moved.*")) {
      // wait until a few have moved, well before all of them
    }
    replay.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    Thread.sleep(6_000); // the held messages' visibility (5 s) runs out

    Set<String> found = new HashSet<>();
    probe.drainUntilEmpty(edge.queue()).forEach(m -> found.add(eventId(m)));
    int moved = found.size();
    probe.drainUntilEmpty(edge.dlq()).forEach(m -> found.add(eventId(m)));
    assertThat(moved).isBetween(1, 39);
    assertThat(found).containsAll(ids);
    List<JsonNode> audited = new ArrayList<>();
    JSON.readTree(dlq("audit", "--json", "--since", "1h").out())
        .forEach(
            r -> {
              if (r.get("queue").asText().equals(edge.dlq())
                  && Instant.parse(r.get("at").asText()).isAfter(started)) audited.add(r);
            });
    assertThat(audited)
        .as("started before anything moved; killed, so no end")
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("action").asText()).isEqualTo("replay-started");
              assertThat(r.get("filter").asText()).isEqualTo("(all)");
              assertThat(r.get("detail").asText()).containsPattern("pass=[0-9a-f-]{36}");
            });
    assertThat(dlq("audit", "--since", "1h").out()).contains("replay-started (no end");
  }

  private static JsonNode find(JsonNode queues, String dlq) {
    for (JsonNode queue : queues) {
      if (queue.get("dlq").asText().equals(dlq)) {
        return queue;
      }
    }
    throw new AssertionError("no " + dlq + " in " + queues);
  }

  private static String eventId(Message message) {
    try {
      return JSON.readTree(message.body()).get("id").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> deadLetters(int count) {
    List<String> ids = new ArrayList<>();
    String url = probe.url(edge.dlq());
    for (int from = 0; from < count; from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 10); i++) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id(Integer.toString(i - from))
                .messageBody(
                    "{\"id\":\"%s\",\"type\":\"payment.PaymentRefunded.v1\",\"subject\":\"pay-x\",\"data\":{}}"
                        .formatted(id))
                .messageAttributes(
                    Map.of(
                        "type",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue("payment.PaymentRefunded.v1")
                            .build()))
                .build());
      }
      sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
    }
    return ids;
  }

  private Run dlq(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", endpoint, "--env", "test"));
    return run(all.toArray(String[]::new));
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Instant started = Instant.now();
    int code = DlqCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString(), Duration.between(started, Instant.now()));
  }

  record Run(int code, String out, String err, Duration took) {}
}
