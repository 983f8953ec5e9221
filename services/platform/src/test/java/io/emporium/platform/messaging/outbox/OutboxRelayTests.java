package io.emporium.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.EventIds;
import io.emporium.platform.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import reactor.core.publisher.Mono;

class OutboxRelayTests {

  private final InMemoryOutboxStore store = new InMemoryOutboxStore();
  private final ScriptedSns sns = new ScriptedSns();
  private final RelayWakeUp wakeUp = new RelayWakeUp();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private OutboxRelay relay = relay(Duration.ofMillis(10), 0);

  @AfterEach
  void stop() {
    relay.stop();
  }

  @Test
  void publishesEveryDueEventAndCountsIt() {
    store.add(event("a"));
    store.add(event("b"));

    assertThat(relay.runOnce().block()).isEqualTo(2);
    assertThat(relay.runOnce().block()).isZero();

    assertThat(store.published).hasSize(2);
    assertThat(counter("emporium.outbox.published")).isEqualTo(2.0);
    assertThat(counter("emporium.outbox.failures")).isZero();
  }

  @Test
  void retriesEveryEventOfAnOutageWithGrowingDelaysForAsLongAsItLasts() {
    relay = relay(Duration.ofMillis(10), 2);
    var event = event("during-outage");
    store.add(event);
    sns.down = true;

    for (int attempt = 1; attempt <= 6; attempt++) {
      relay.runOnce().block();
      var retry = store.retried.get(event.id());
      assertThat(retry.attempts()).isEqualTo(attempt);
      assertThat(retry.reason()).contains("SNS unreachable");
      assertThat(retry.delay()).isBetween(halfOf(attempt), fullOf(attempt));
    }
    assertThat(store.deadLettered).as("an outage never dead-letters").isEmpty();

    sns.down = false;
    relay.runOnce().block();
    assertThat(store.published).containsExactly(event.id());
  }

  @Test
  void deadLettersAnEventSnsRejectsForGoodAfterTheConfiguredAttempts() {
    relay = relay(Duration.ofMillis(10), 3);
    var poison = event("oversized");
    var fine = event("fine");
    store.add(poison);
    store.add(fine);
    sns.rejected.add(poison.payload());

    relay.runOnce().block();
    relay.runOnce().block();
    assertThat(store.deadLettered).isEmpty();
    relay.runOnce().block();

    assertThat(store.published).containsExactly(fine.id());
    assertThat(store.deadLettered).containsOnlyKeys(poison.id());
    assertThat(store.deadLettered.get(poison.id()).reason()).contains("InvalidParameter");
    assertThat(store.due).isEmpty();
    assertThat(counter("emporium.outbox.failures")).isEqualTo(3.0);
  }

  @Test
  void retriesARejectedEventForeverWhenDeadLetteringIsOff() {
    var poison = event("oversized");
    store.add(poison);
    sns.rejected.add(poison.payload());

    for (int i = 0; i < 10; i++) {
      relay.runOnce().block();
    }

    assertThat(store.deadLettered).isEmpty();
    assertThat(store.retried.get(poison.id()).attempts()).isEqualTo(10);
  }

  @Test
  void startsARoundAtOnceWhenAnAppendCommitsInsteadOfWaitingForTheIdlePoll() throws Exception {
    relay = relay(Duration.ofHours(1), 0);
    relay.start();
    awaitRounds(1);

    var event = event("woken");
    store.add(event);
    wakeUp.appended();

    awaitPublished(1);
    assertThat(store.published).containsExactly(event.id());
  }

  @Test
  void stopsOnlyAfterTheRoundInFlightHasSettled() throws Exception {
    store.add(event("in-flight"));
    store.holdRounds();
    relay.start();
    var stopped = new CountDownLatch(1);

    relay.stop(stopped::countDown);
    assertThat(stopped.await(200, TimeUnit.MILLISECONDS)).as("round still running").isFalse();
    store.releaseRounds();

    assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.published).hasSize(1);
    assertThat(relay.isRunning()).isFalse();
  }

  @Test
  void showsTheStoresFiguresInTheGauges() {
    store.add(event("waiting"));
    sns.down = true;
    relay.runOnce().block();
    store.add(event("new"));

    relay.refreshMetrics().block();

    assertThat(gauge("emporium.outbox.pending")).isEqualTo(2.0);
    assertThat(gauge("emporium.outbox.parked")).isEqualTo(1.0);
    assertThat(gauge("emporium.outbox.dead.lettered")).isZero();
  }

  @Test
  void aRelayWhoseRoundHangsIsDownInItsHealthUntilItGoesRoundAgain() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T05:00:00Z"));
    SimpleMeterRegistry meters =
        new SimpleMeterRegistry(); // the field relay's gauge is the other's
    relay = relay(Duration.ofMillis(10), 0, clock, meters);
    relay.start();
    awaitRounds(3);
    assertThat(relay.pulse().health().getStatus()).isEqualTo(Status.UP);

    store.holdRounds();
    int before = store.rounds;
    wakeUp.appended(); // ends an idle pause: the next round starts and waits at the gate
    Thread.sleep(200);
    clock.advance(RelaySettings.ROUND_TIMEOUT.multipliedBy(3));

    var stuck = relay.pulse().health();
    assertThat(stuck.getStatus()).isEqualTo(Status.DOWN);
    assertThat(stuck.getDetails()).containsEntry("loop", "outbox-relay");
    assertThat(stuck.getDetails().get("stalled").toString()).startsWith("a round has run since");
    assertThat(meters.get("emporium.loop.idle").tag("loop", "outbox-relay").gauge().value())
        .isGreaterThanOrEqualTo(RelaySettings.ROUND_TIMEOUT.multipliedBy(3).toSeconds());

    store.releaseRounds();
    awaitRounds(before + 3);
    assertThat(relay.pulse().health().getStatus()).isEqualTo(Status.UP);
  }

  private OutboxRelay relay(Duration poll, int deadLetterAfter) {
    return relay(poll, deadLetterAfter, Clock.systemUTC(), registry);
  }

  private OutboxRelay relay(
      Duration poll, int deadLetterAfter, Clock clock, SimpleMeterRegistry meters) {
    var settings =
        new RelaySettings(
            true,
            50,
            poll,
            Duration.ofSeconds(1),
            new PublishRetries(
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)), deadLetterAfter),
            clock);
    return new OutboxRelay(
        store, new SnsBatchPublisher(sns), Mono.just("arn:topic"), settings, wakeUp, meters);
  }

  private static OutgoingEvent event(String payload) {
    return new OutgoingEvent(EventIds.next(), "order.OrderPlaced.v1", "s", payload, null);
  }

  private static Duration halfOf(int attempt) {
    return fullOf(attempt).dividedBy(2);
  }

  private static Duration fullOf(int attempt) {
    long seconds = Math.min(8, 1L << (attempt - 1));
    return Duration.ofSeconds(seconds);
  }

  private double counter(String name) {
    return registry.get(name).tag("store", "memory").counter().count();
  }

  private double gauge(String name) {
    return registry.get(name).tag("store", "memory").gauge().value();
  }

  private void awaitRounds(int rounds) throws InterruptedException {
    awaitUntil(() -> store.rounds >= rounds);
  }

  private void awaitPublished(int count) throws InterruptedException {
    awaitUntil(() -> store.published.size() >= count);
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
