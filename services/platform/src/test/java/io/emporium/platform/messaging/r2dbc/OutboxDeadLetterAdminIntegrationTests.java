package io.emporium.platform.messaging.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.EventEnvelope;
import io.emporium.events.topology.Topology;
import io.emporium.platform.deadletters.AuditRecord;
import io.emporium.platform.deadletters.DynamoDbAuditLog;
import io.emporium.platform.messaging.outbox.OutboxRelay;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.ServiceIntegrationTest;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;

/** {@code /api/order/admin/messages/outbox/dead-letters} of a service on PostgreSQL. */
@ServiceIntegrationTest(
    database = "outboxadmin",
    classes = MessagingTestApplication.class,
    properties = {
      "emporium.messaging.service=order",
      "spring.flyway.locations=classpath:db/platform-test",
      "emporium.messaging.relay.initial-backoff=1s"
    })
@DirtiesContext
class OutboxDeadLetterAdminIntegrationTests {

  private static final String PATH = "/api/order/admin/messages/outbox/dead-letters";

  @Autowired WebTestClient web;
  @Autowired R2dbcOutbox outbox;
  @Autowired OutboxRelay relay;
  @Autowired DatabaseClient db;
  @Autowired ReactiveTransactionManager transactionManager;
  @Autowired DynamoDbAuditLog audit;

  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final String paymentQueue =
      Topology.load().subscription(EmulatedInfrastructure.ENV, "payment", "order").queue();
  private final TestUser admin = TestUsers.forTestEnvironment().newAdmin();

  @BeforeEach
  void emptyOutbox() {
    db.sql("DELETE FROM outbox").then().block();
    probe.purge(paymentQueue);
  }

  @AfterEach
  void relayRunsAgain() {
    if (!relay.isRunning()) {
      relay.start();
    }
  }

  @Test
  void onlyAdminsListOrReplay() {
    TestUser shopper = TestUsers.forTestEnvironment().newShopper();

    web.get().uri(PATH).exchange().expectStatus().isUnauthorized();
    web.get().uri(PATH).headers(shopper::authorize).exchange().expectStatus().isForbidden();
    web.post()
        .uri(PATH + "/replay")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of())
        .exchange()
        .expectStatus()
        .isUnauthorized();
    web.post()
        .uri(PATH + "/replay")
        .headers(shopper::authorize)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of())
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void listsDeadLettersWithCountOldestAndReason() {
    EventEnvelope first = deadLetter("ord-admin-1");
    EventEnvelope second = deadLetter("ord-admin-2");

    web.get()
        .uri(PATH + "?max=1")
        .headers(admin::authorize)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.outbox")
        .isEqualTo("outbox:order")
        .jsonPath("$.store")
        .isEqualTo("r2dbc")
        .jsonPath("$.count")
        .isEqualTo(2)
        .jsonPath("$.oldestCreatedAt")
        .exists()
        .jsonPath("$.letters.length()")
        .isEqualTo(1)
        .jsonPath("$.letters[0].eventId")
        .isEqualTo(first.id().toString())
        .jsonPath("$.letters[0].type")
        .isEqualTo("order.OrderPlaced.v1")
        .jsonPath("$.letters[0].attempts")
        .isEqualTo(3)
        .jsonPath("$.letters[0].lastError")
        .isEqualTo("InvalidParameter: too long")
        .jsonPath("$.letters[0].deadLetteredAt")
        .exists();
    assertThat(second.id()).isNotEqualTo(first.id());
  }

  @Test
  void aDryRunChangesNothingAndAReplayPublishesOnlyTheNamedEventWithAnAudit() {
    EventEnvelope chosen = deadLetter("ord-admin-replay");
    EventEnvelope other = deadLetter("ord-admin-other");
    relay.start();
    Instant before = Instant.now().minusSeconds(1);

    replay(Map.of("ids", List.of(chosen.id().toString()), "dryRun", true))
        .jsonPath("$.dryRun")
        .isEqualTo(true)
        .jsonPath("$.count")
        .isEqualTo(1);
    assertThat(deadLetterIds()).containsExactlyInAnyOrder(chosen.id(), other.id());

    String unknown = UUID.randomUUID().toString();
    replay(Map.of("ids", List.of(chosen.id().toString(), unknown)))
        .jsonPath("$.count")
        .isEqualTo(1)
        .jsonPath("$.replayed[0].eventId")
        .isEqualTo(chosen.id().toString())
        .jsonPath("$.notFound[0]")
        .isEqualTo(unknown);

    assertThat(
            probe.await(
                paymentQueue,
                m -> m.body().contains(chosen.id().toString()),
                1,
                Duration.ofSeconds(20)))
        .hasSize(1);
    assertThat(deadLetterIds()).containsExactly(other.id());
    List<AuditRecord> records =
        audit.read(before, 100).stream().filter(r -> r.queue().equals("outbox:order")).toList();
    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo("replay");
              assertThat(r.who()).isEqualTo("token:" + admin.id());
              assertThat(r.via()).isEqualTo("admin-api");
              assertThat(r.ids()).containsExactly(chosen.id().toString());
              assertThat(r.filter()).contains("--id " + chosen.id());
            });
  }

  @Test
  void anIdThatIsNotAnEventIdIsABadRequest() {
    web.post()
        .uri(PATH + "/replay")
        .headers(admin::authorize)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("ids", List.of("'; DROP TABLE outbox")))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private WebTestClient.BodyContentSpec replay(Map<String, Object> body) {
    return web.post()
        .uri(PATH + "/replay")
        .headers(admin::authorize)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  private List<UUID> deadLetterIds() {
    return db.sql("SELECT id FROM outbox WHERE next_attempt_at = 'infinity'")
        .map(row -> row.get("id", UUID.class))
        .all()
        .collectList()
        .block();
  }

  private EventEnvelope deadLetter(String orderId) {
    relay.stop();
    return new DeadLetteredEvents(outbox, db, transactionManager).orderPlaced(orderId);
  }
}
