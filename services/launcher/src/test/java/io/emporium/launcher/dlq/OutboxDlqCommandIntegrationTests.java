package io.emporium.launcher.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.events.EventEnvelope;
import io.emporium.events.EventFixtures;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.dynamodb.DynamoDbOutbox;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.OutboxDeadLetterSeed;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.ServiceIntegrationTest;
import io.emporium.platform.testing.TestEnvironment;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * {@code ./emporium dlq … outbox:<service>} as on-call runs it: against a service named "cart" on
 * the test emulator (its DynamoDB outbox, the platform's relay and admin API, nothing else).
 */
@ServiceIntegrationTest(
    classes = OutboxDlqCommandIntegrationTests.CartLikeService.class,
    properties = {
      "emporium.messaging.service=cart",
      "emporium.messaging.store=dynamodb",
      "server.address=127.0.0.1"
    })
@DirtiesContext
class OutboxDlqCommandIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired DynamoDbOutbox outbox;
  @Autowired DynamoDbAsyncClient dynamo;

  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final String orderFromCart =
      Topology.load().subscription(EmulatedInfrastructure.ENV, "order", "cart").queue();
  private final TestUser admin = TestUsers.forTestEnvironment().newAdmin();
  private Path adminToken;

  @BeforeEach
  void noDeadLettersLeft() throws IOException {
    probe.purge(orderFromCart);
    adminToken = Files.createTempFile("admin-token", "");
    Files.writeString(adminToken, admin.accessToken());
  }

  @AfterEach
  void replayWhatIsLeft() throws IOException {
    dlq("replay", "outbox:cart");
    probe.drain(orderFromCart, Duration.ofSeconds(1));
    Files.deleteIfExists(adminToken);
  }

  @Test
  void listShowsAServiceOutboxBesideTheDlqsWithCountAndOldest() throws Exception {
    deadLetter();
    deadLetter();

    Run json = dlq("list", "--json");
    Run table = dlq("list");

    assertThat(json.code()).isZero();
    JsonNode rows = JSON.readTree(json.out());
    assertThat(rows).hasSize(Topology.load().subscriptions("test").size() + 1);
    JsonNode cart = find(rows, "outbox:cart");
    assertThat(cart.get("messages").asInt()).isEqualTo(2);
    assertThat(cart.get("producer").asText()).isEqualTo("cart");
    assertThat(cart.get("oldestAge").isNull()).isFalse();
    assertThat(json.err()).contains("outbox:order unavailable");
    assertThat(table.out()).containsPattern("outbox:cart\\s+2\\s");
  }

  @Test
  void showListsEachDeadLetterWithItsReason() {
    EventEnvelope first = deadLetter();
    EventEnvelope second = deadLetter();

    Run show = dlq("show", "outbox:cart");

    assertThat(show.code()).isZero();
    assertThat(show.out())
        .contains(
            "2 dead letter(s)",
            first.id().toString(),
            second.id().toString(),
            OutboxDeadLetterSeed.REASON)
        .contains("cart.CartCheckedOut.v1");
  }

  @Test
  void aDryRunChangesNothingAndAReplayPublishesOnlyTheChosenEventWithAnAudit() throws Exception {
    EventEnvelope chosen = deadLetter();
    EventEnvelope other = deadLetter();
    Run dry = dlq("replay", "outbox:cart", "--id", chosen.id().toString(), "--dry-run");
    assertThat(dry.code()).isZero();
    assertThat(dry.out()).contains("would put 1 dead letter(s)", chosen.id().toString());
    assertThat(deadLetters())
        .containsExactlyInAnyOrder(chosen.id().toString(), other.id().toString());

    Run replay = dlq("replay", "outbox:cart", "--id", chosen.id().toString());

    assertThat(replay.code()).isZero();
    assertThat(
            probe.await(
                orderFromCart,
                m -> m.body().contains(chosen.id().toString()),
                1,
                Duration.ofSeconds(20)))
        .hasSize(1);
    assertThat(deadLetters()).containsExactly(other.id().toString());
    JsonNode audit = JSON.readTree(dlq("audit", "--json", "--since", "1h").out());
    List<JsonNode> ours = new ArrayList<>();
    audit.forEach(
        r -> {
          if (r.get("ids").toString().contains(chosen.id().toString())) ours.add(r);
        });
    assertThat(ours)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("queue").asText()).isEqualTo("outbox:cart");
              assertThat(r.get("action").asText()).isEqualTo("replay");
              assertThat(r.get("who").asText()).isEqualTo("token:" + admin.id());
              assertThat(r.get("count").asInt()).isEqualTo(1);
            });
    Run again = dlq("replay", "outbox:cart", "--id", chosen.id().toString());
    assertThat(again.code()).isEqualTo(ExitCodes.INCOMPLETE);
  }

  @Test
  void clearOneLineErrorsWithTheirExitCodes() {
    Run unknown = dlq("show", "outbox:nobody");
    Run noToken =
        run(
            "show",
            "outbox:cart",
            "--api-url",
            "http://127.0.0.1:" + port,
            "--endpoint",
            TestEnvironment.aws().endpoint().toString(),
            "--env",
            "test");
    Run unreachable = dlq("show", "outbox:cart", "--api-url", "http://127.0.0.1:1");
    Run purge = dlq("purge", "outbox:cart", "--id", "x");
    Run rate = dlq("replay", "outbox:cart", "--rate", "5");

    assertThat(unknown.code()).isEqualTo(ExitCodes.UNKNOWN_QUEUE);
    assertThat(unknown.err().strip()).hasLineCount(1).contains("outbox:cart");
    assertThat(noToken.code()).isEqualTo(ExitCodes.CREDENTIALS);
    assertThat(noToken.err().strip()).hasLineCount(1).contains("401");
    assertThat(unreachable.code()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(unreachable.err().strip()).hasLineCount(1).contains("cannot reach the admin API");
    assertThat(purge.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(rate.code()).isEqualTo(ExitCodes.USAGE);
  }

  private EventEnvelope deadLetter() {
    return OutboxDeadLetterSeed.dynamoDb(
        outbox,
        dynamo,
        EventFixtures.envelope("cart.CartCheckedOut.v1").dataAs(CartCheckedOut.class));
  }

  /** The event ids {@code dlq show outbox:cart --json} lists. */
  private List<String> deadLetters() throws IOException {
    List<String> ids = new ArrayList<>();
    JSON.readTree(dlq("show", "outbox:cart", "--json").out())
        .get("letters")
        .forEach(l -> ids.add(l.get("eventId").asText()));
    return ids;
  }

  private static JsonNode find(JsonNode rows, String name) {
    for (JsonNode row : rows) {
      if (row.get("dlq").asText().equals(name)) {
        return row;
      }
    }
    throw new AssertionError("no " + name + " in " + rows);
  }

  private Run dlq(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--api-url")) {
      all.addAll(List.of("--api-url", "http://127.0.0.1:" + port));
    }
    all.addAll(
        List.of(
            "--admin-token-file",
            adminToken.toString(),
            "--endpoint",
            TestEnvironment.aws().endpoint().toString(),
            "--env",
            "test"));
    return run(all.toArray(String[]::new));
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DlqCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  record Run(int code, String out, String err) {}

  /** A service named "cart" in the topology: the platform's relay and admin API, no more. */
  @SpringBootApplication
  static class CartLikeService {}
}
