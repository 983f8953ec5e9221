package io.emporium.platform.messaging.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.MessagingProperties;
import io.emporium.platform.messaging.outbox.OutboxRelay;
import io.emporium.platform.messaging.outbox.PendingEvent;
import io.emporium.platform.messaging.outbox.RelaySettings;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import io.emporium.platform.messaging.outbox.Settlement;
import io.emporium.platform.messaging.outbox.Settlement.DeadLetter;
import io.emporium.platform.messaging.outbox.SnsBatchPublisher;
import io.emporium.platform.messaging.outbox.TopicArns;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sqs.model.Message;

class R2dbcOutboxRelayIntegrationTests extends MessagingIntegrationTest {

  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final EventCodec CODEC = new EventCodec();

  @Autowired R2dbcOutbox outbox;
  @Autowired OutboxRelay relay;
  @Autowired DatabaseClient db;
  @Autowired ReactiveTransactionManager transactionManager;
  @Autowired SnsRequestCounter snsRequests;
  @Autowired SnsBatchPublisher publisher;
  @Autowired TopicArns topics;
  @Autowired MessagingProperties properties;

  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final Topology topology = Topology.load();

  @AfterEach
  void relayRunsAgain() {
    if (!relay.isRunning()) {
      relay.start();
    }
  }

  @Test
  void eventCommittedInATransactionReachesEveryMatchingQueueAndNoOther() {
    EventEnvelope placed = commit(TestEvents.orderPlaced("ord-routing")).get(0);

    for (String consumer : List.of("catalog", "payment")) {
      assertThat(probe.await(queue(consumer), carries(placed), 1, BOUND))
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m.messageAttributes().get("type").stringValue())
                      .isEqualTo("order.OrderPlaced.v1"));
    }
    for (String consumer : List.of("cart", "notification")) {
      assertThat(withId(probe.drain(queue(consumer), Duration.ofSeconds(2)), placed)).isEmpty();
    }
  }

  @Test
  void eventCommittedWhileTheRelayIsDownIsPublishedOnceAfterRestart() {
    relay.stop();
    EventEnvelope confirmed = commit(TestEvents.orderConfirmed("ord-restart")).get(0);
    assertThat(withId(probe.drain(queue("cart"), Duration.ofSeconds(2)), confirmed)).isEmpty();
    assertThat(pendingRows()).isEqualTo(1);

    relay.start();

    assertThat(probe.await(queue("cart"), carries(confirmed), 1, BOUND)).hasSize(1);
    assertThat(withId(probe.drain(queue("cart"), Duration.ofSeconds(3)), confirmed)).isEmpty();
    assertThat(pendingRows()).isZero();
  }

  @Test
  void rolledBackTransactionPublishesNothing() {
    var failing =
        outbox
            .append(TestEvents.orderConfirmed("ord-rollback"))
            .then(Mono.error(new IllegalStateException("business rule broken")));

    assertThatThrownBy(() -> transactions().transactional(failing).block())
        .hasMessageContaining("business rule broken");

    assertThat(pendingRows()).isZero();
    assertThat(probe.drain(queue("cart"), Duration.ofSeconds(2)))
        .noneMatch(m -> m.body().contains("ord-rollback"));
  }

  @Test
  void publishesNEventsWithAtMostOneRequestPerTenPlusTwo() {
    relay.stop();
    int n = 35;
    var events =
        commit(
            IntStream.range(0, n)
                .mapToObj(i -> TestEvents.orderPlaced("ord-batch-" + i))
                .toArray(DomainEvent[]::new));
    snsRequests.reset();

    relay.start();
    var received = probe.await(queue("payment"), anyOf(events), n, BOUND);

    assertThat(ids(received)).containsAll(events.stream().map(e -> e.id().toString()).toList());
    assertThat(snsRequests.total()).isLessThanOrEqualTo((n + 9) / 10 + 2);
  }

  @Test
  void twoRelaysSplitTheRowsAndPublishEachEventOnce() {
    relay.stop();
    var events =
        commit(
            IntStream.range(0, 30)
                .mapToObj(i -> TestEvents.orderPlaced("ord-replica-" + i))
                .toArray(DomainEvent[]::new));
    OutboxRelay first = replica();
    OutboxRelay second = replica();

    int[] claimed = {0, 0};
    while (pendingRows() > 0) {
      Mono.zip(first.runOnce(), second.runOnce())
          .doOnNext(
              t -> {
                claimed[0] += t.getT1();
                claimed[1] += t.getT2();
              })
          .block();
    }

    var received = new ArrayList<>(probe.await(queue("payment"), anyOf(events), 30, BOUND));
    received.addAll(withAnyOf(probe.drain(queue("payment"), Duration.ofSeconds(2)), events));
    assertThat(ids(received))
        .hasSize(30)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.id().toString()).toList());
    assertThat(claimed[0]).isPositive();
    assertThat(claimed[1]).isPositive();
  }

  @Test
  void aDeadLetteredRowIsNeverClaimedAgainAndKeepsItsReason() {
    relay.stop();
    EventEnvelope poison = commit(TestEvents.orderPlaced("ord-dead-letter")).get(0);
    var store = new R2dbcOutboxStore(db, transactions());
    try {
      store.relay(10, rows -> Mono.just(deadLettered(rows, poison))).block();

      List<UUID> claimedAfterwards = new ArrayList<>();
      store.relay(10, rows -> Mono.just(nothingDecided(rows, claimedAfterwards))).block();
      assertThat(claimedAfterwards).doesNotContain(poison.id());
      var stats = store.stats().block();
      assertThat(stats.deadLettered()).isEqualTo(1);
      assertThat(stats.pending()).isEqualTo(claimedAfterwards.size());
      var row =
          db.sql("SELECT attempts, last_error FROM outbox WHERE id = :id")
              .bind("id", poison.id())
              .fetch()
              .one()
              .block();
      assertThat(row)
          .containsEntry("attempts", 3)
          .containsEntry("last_error", "InvalidParameter: too long");
    } finally {
      db.sql("DELETE FROM outbox WHERE id = :id").bind("id", poison.id()).then().block();
    }
  }

  @Test
  void anAppendThatCommitsWakesAnIdleRelayUp() throws InterruptedException {
    relay.stop();
    var wakeUp = new RelayWakeUp();
    var idleForAnHour = replica(Duration.ofHours(1), wakeUp);
    var appender = new R2dbcOutbox(db, CODEC, wakeUp);
    idleForAnHour.start();
    try {
      idleForAnHour.runOnce().block(); // nothing due: the loop now idles for an hour
      EventEnvelope woken =
          transactions()
              .transactional(appender.append(TestEvents.orderPlaced("ord-woken")))
              .block();

      assertThat(probe.await(queue("payment"), carries(woken), 1, BOUND)).hasSize(1);
    } finally {
      var stopped = new CountDownLatch(1);
      idleForAnHour.stop(stopped::countDown);
      assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Dead-letters {@code poison} only; other claimed rows stay as they were. */
  private static Settlement deadLettered(List<PendingEvent> rows, EventEnvelope poison) {
    return new Settlement(
        Set.of(),
        List.of(),
        rows.stream()
            .filter(r -> r.id().equals(poison.id()))
            .map(r -> new DeadLetter(r, 3, "InvalidParameter: too long"))
            .toList());
  }

  private static Settlement nothingDecided(List<PendingEvent> rows, List<UUID> claimed) {
    rows.forEach(r -> claimed.add(r.id()));
    return new Settlement(Set.of(), List.of(), List.of());
  }

  private OutboxRelay replica() {
    return replica(Duration.ofMillis(50), new RelayWakeUp());
  }

  private OutboxRelay replica(Duration poll, RelayWakeUp wakeUp) {
    var settings =
        new MessagingProperties.Relay(
            true, poll, Duration.ofSeconds(1), 10, Duration.ofSeconds(1), Duration.ofMinutes(5), 0);
    return new OutboxRelay(
        new R2dbcOutboxStore(db, transactions()),
        publisher,
        topics.ownTopic(),
        RelaySettings.of(settings, Clock.systemUTC()),
        wakeUp,
        new SimpleMeterRegistry());
  }

  private List<EventEnvelope> commit(DomainEvent... events) {
    return transactions()
        .transactional(Flux.fromArray(events).concatMap(outbox::append))
        .collectList()
        .block();
  }

  private TransactionalOperator transactions() {
    return TransactionalOperator.create(transactionManager);
  }

  private long pendingRows() {
    return db.sql("SELECT count(*) AS n FROM outbox")
        .map(r -> r.get("n", Long.class))
        .one()
        .block();
  }

  private String queue(String consumer) {
    return topology.subscription(EmulatedInfrastructure.ENV, consumer, "order").queue();
  }

  private static List<Message> withId(List<Message> messages, EventEnvelope envelope) {
    return messages.stream().filter(carries(envelope)).toList();
  }

  private static Predicate<Message> anyOf(List<EventEnvelope> envelopes) {
    return m -> envelopes.stream().anyMatch(e -> carries(e).test(m));
  }

  private static List<Message> withAnyOf(List<Message> messages, List<EventEnvelope> envelopes) {
    return messages.stream().filter(anyOf(envelopes)).toList();
  }

  private static Predicate<Message> carries(EventEnvelope envelope) {
    return m -> m.body().contains(envelope.id().toString());
  }

  private static List<String> ids(List<Message> messages) {
    return messages.stream().map(m -> CODEC.decode(m.body()).id().toString()).toList();
  }
}
