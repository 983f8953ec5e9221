package io.emporium.platform.messaging.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.EventEnvelope;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.outbox.OutboxDeadLetter;
import io.emporium.platform.messaging.outbox.OutboxDeadLetters;
import io.emporium.platform.messaging.outbox.OutboxRelay;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The outbox table's dead letters as on-call reads and replays them. */
class R2dbcOutboxDeadLettersIntegrationTests extends MessagingIntegrationTest {

  @Autowired R2dbcOutbox outbox;
  @Autowired OutboxRelay relay;
  @Autowired OutboxDeadLetters deadLetters;
  @Autowired DatabaseClient db;
  @Autowired ReactiveTransactionManager transactionManager;

  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final String paymentQueue =
      Topology.load().subscription(EmulatedInfrastructure.ENV, "payment", "order").queue();

  @BeforeEach
  void emptyOutbox() {
    db.sql("DELETE FROM outbox").then().block();
  }

  @AfterEach
  void relayRunsAgainOnAnEmptyOutbox() {
    db.sql("DELETE FROM outbox").then().block();
    if (!relay.isRunning()) {
      relay.start();
    }
  }

  @Test
  void listsADeadLetterWithItsReasonAttemptsAndWhenTheRelayGaveUp() {
    Instant before = Instant.now().minusSeconds(1);
    EventEnvelope poison = deadLetter("ord-dl-list");

    List<OutboxDeadLetter> listed = deadLetters.list().collectList().block();

    assertThat(listed)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.eventId()).isEqualTo(poison.id());
              assertThat(letter.type()).isEqualTo("order.OrderPlaced.v1");
              assertThat(letter.subject()).isEqualTo(poison.subject());
              assertThat(letter.attempts()).isEqualTo(3);
              assertThat(letter.lastError()).isEqualTo("InvalidParameter: too long");
              assertThat(letter.createdAt()).isAfter(before);
              assertThat(letter.deadLetteredAt()).isAfterOrEqualTo(letter.createdAt());
              assertThat(letter.payloadBytes()).isGreaterThan(100);
            });
    assertThat(deadLetters.store()).isEqualTo("r2dbc");
  }

  @Test
  void aRequeuedDeadLetterIsPublishedByTheRelayAndLeavesTheOutbox() {
    probe.purge(paymentQueue);
    EventEnvelope poison = deadLetter("ord-dl-replay");
    EventEnvelope other = deadLetter("ord-dl-stays");
    relay.start();

    List<OutboxDeadLetter> requeued =
        deadLetters.requeue(List.of(poison.id())).collectList().block();

    assertThat(requeued).extracting(OutboxDeadLetter::eventId).containsExactly(poison.id());
    assertThat(requeued.getFirst().attempts()).isEqualTo(3);
    assertThat(
            probe.await(
                paymentQueue,
                m -> m.body().contains(poison.id().toString()),
                1,
                Duration.ofSeconds(20)))
        .hasSize(1);
    assertThat(deadLetters.list().collectList().block())
        .extracting(OutboxDeadLetter::eventId)
        .containsExactly(other.id());
    assertThat(deadLetters.requeue(List.of(poison.id())).collectList().block()).isEmpty();
  }

  @Test
  void aRowStillPendingIsNotTouchedByARequeue() {
    relay.stop();
    EventEnvelope pending =
        TransactionalOperator.create(transactionManager)
            .transactional(outbox.append(TestEvents.orderPlaced("ord-dl-pending")))
            .block();
    db.sql("UPDATE outbox SET attempts = 2, next_attempt_at = now() + interval '1 hour'")
        .then()
        .block();

    assertThat(deadLetters.requeue(List.of(pending.id())).collectList().block()).isEmpty();
    assertThat(
            db.sql("SELECT attempts FROM outbox WHERE id = :id")
                .bind("id", pending.id())
                .map(row -> row.get("attempts", Integer.class))
                .one()
                .block())
        .isEqualTo(2);
  }

  private EventEnvelope deadLetter(String orderId) {
    relay.stop();
    return new DeadLetteredEvents(outbox, db, transactionManager).orderPlaced(orderId);
  }
}
