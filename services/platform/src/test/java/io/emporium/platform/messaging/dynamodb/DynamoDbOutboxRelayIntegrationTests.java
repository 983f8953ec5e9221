package io.emporium.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.EventEnvelope;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.MessagingProperties;
import io.emporium.platform.messaging.outbox.OutboxRelay;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import io.emporium.platform.messaging.outbox.Settlement;
import io.emporium.platform.messaging.outbox.Settlement.DeadLetter;
import io.emporium.platform.messaging.outbox.TopicArns;
import io.emporium.platform.testing.EmulatedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(EmulatedInfrastructure.class)
class DynamoDbOutboxRelayIntegrationTests {

  private final CartOutboxFixture fixture = new CartOutboxFixture();
  private final RequestCounter snsRequests = new RequestCounter();
  private final SnsAsyncClient sns = AwsTestClients.sns(snsRequests);

  @AfterEach
  void close() {
    sns.close();
    fixture.close();
  }

  @Test
  void publishesACheckedOutCartOnceToTheOrderServiceQueue() {
    fixture.putCart("cart-1", 1);
    EventEnvelope sent = fixture.checkout("cart-1", 1);
    var relay = fixture.relay(sns, Mono.just(fixture.cartTopicArn));

    assertThat(relay.runOnce().block()).isEqualTo(1);
    assertThat(relay.runOnce().block()).isZero();

    assertThat(fixture.probe.drainUntilEmpty(CartOutboxFixture.ORDER_FROM_CART))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(fixture.codec.decode(message.body())).isEqualTo(sent);
              assertThat(message.messageAttributes().get("type").stringValue())
                  .isEqualTo("cart.CartCheckedOut.v1");
            });
    assertThat(fixture.outboxItems()).isEmpty();
    assertThat(fixture.meter("emporium.outbox.published")).isEqualTo(1.0);
    assertThat(fixture.meter("emporium.outbox.failures")).isZero();
  }

  @Test
  void publishesWhatWasCommittedWhileNoRelayRanOnceItStarts() throws InterruptedException {
    fixture.putCart("cart-2", 1);
    EventEnvelope sent = fixture.checkout("cart-2", 1);
    var relay = fixture.relay(sns, Mono.just(fixture.cartTopicArn));

    relay.start();
    var received =
        fixture.probe.awaitAtLeast(CartOutboxFixture.ORDER_FROM_CART, 1, Duration.ofSeconds(30));
    stopAndWait(relay);

    assertThat(received).extracting(m -> eventId(m)).containsExactly(sent.id());
    assertThat(fixture.outboxItems()).isEmpty();
    assertThat(relay.isRunning()).isFalse();
  }

  @Test
  void anotherReplicaPublishesOnceAfterTheLeaseOfAStoppedOneExpires() {
    fixture.putCart("cart-3", 1);
    EventEnvelope sent = fixture.checkout("cart-3", 1);
    var items = new DynamoDbOutboxItems(fixture.dynamo, fixture.table);
    var item = OutboxItem.from(fixture.outboxItems().getFirst());
    Instant now = fixture.clock.instant();
    assertThat(items.lease(item, now, now.plusSeconds(30), "stopped-replica").block()).isTrue();
    var survivor = fixture.relay(sns, Mono.just(fixture.cartTopicArn));

    assertThat(survivor.runOnce().block()).as("leased by the stopped replica").isZero();
    fixture.clock.advance(Duration.ofSeconds(31));
    assertThat(survivor.runOnce().block()).isEqualTo(1);
    assertThat(survivor.runOnce().block()).isZero();

    assertThat(fixture.probe.drainUntilEmpty(CartOutboxFixture.ORDER_FROM_CART))
        .extracting(m -> eventId(m))
        .containsExactly(sent.id());
    assertThat(fixture.outboxItems()).isEmpty();
  }

  @Test
  void keepsAnItemThatSnsRejectedAndRetriesItWithBackoff() {
    fixture.putCart("cart-4", 1);
    fixture.checkout("cart-4", 1);
    String missingTopic = fixture.cartTopicArn.replace("-cart-events", "-nowhere-events");
    var relay = fixture.relay(sns, Mono.just(missingTopic));

    assertThat(relay.runOnce().block()).isEqualTo(1);

    var item = fixture.outboxItems().getFirst();
    assertThat(item.get("attempts").n()).isEqualTo("1");
    Instant next = OutboxItem.instant(item, "nextAttemptAt");
    assertThat(next)
        .isAfter(CartOutboxFixture.T0)
        .isBeforeOrEqualTo(CartOutboxFixture.T0.plusSeconds(1));
    assertThat(item).containsKey("lastError").doesNotContainKeys("leaseUntil", "leaseOwner");
    assertThat(fixture.meter("emporium.outbox.failures")).isEqualTo(1.0);
    assertThat(relay.runOnce().block()).as("backing off").isZero();

    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(relay.runOnce().block()).isEqualTo(1);
    var retried = fixture.outboxItems().getFirst();
    assertThat(retried.get("attempts").n()).isEqualTo("2");
    assertThat(OutboxItem.instant(retried, "nextAttemptAt"))
        .isAfter(fixture.clock.instant().plusMillis(999))
        .isBeforeOrEqualTo(fixture.clock.instant().plusSeconds(2));
    assertThat(fixture.probe.drainUntilEmpty(CartOutboxFixture.ORDER_FROM_CART)).isEmpty();
  }

  @Test
  void publishesManyEventsInAtMostOneRequestPerTenPlusTwo() throws InterruptedException {
    int events = 45;
    for (int i = 0; i < events; i++) {
      fixture.putCart("bulk-" + i, 1);
      fixture.checkout("bulk-" + i, 1);
    }
    var relay = fixture.relay(sns, new TopicArns(sns, Topology.load(), properties()).ownTopic());

    relay.start();
    var received =
        fixture.probe.awaitAtLeast(
            CartOutboxFixture.ORDER_FROM_CART, events, Duration.ofSeconds(60));
    stopAndWait(relay);

    Set<UUID> ids = new HashSet<>();
    received.forEach(m -> ids.add(eventId(m)));
    assertThat(received).hasSize(events);
    assertThat(ids).hasSize(events);
    long maxRequests = (events + 9) / 10 + 2;
    assertThat(snsRequests.operations()).hasSizeLessThanOrEqualTo((int) maxRequests);
    assertThat(snsRequests.count("PublishBatch")).isEqualTo(5);
  }

  @Test
  void reportsPendingEventsAndTheAgeOfTheOldest() {
    for (int i = 0; i < 3; i++) {
      fixture.putCart("pending-" + i, 1);
      fixture.checkout("pending-" + i, 1);
    }
    fixture.clock.advance(Duration.ofSeconds(42));
    var relay = fixture.relay(sns, Mono.just(fixture.cartTopicArn));

    relay.refreshMetrics().block();
    assertThat(fixture.meter("emporium.outbox.pending")).isEqualTo(3.0);
    assertThat(fixture.meter("emporium.outbox.oldest.age")).isEqualTo(42.0);

    relay.runOnce().block();
    relay.refreshMetrics().block();
    assertThat(fixture.meter("emporium.outbox.pending")).isZero();
    assertThat(fixture.meter("emporium.outbox.oldest.age")).isZero();
    assertThat(fixture.meter("emporium.outbox.published")).isEqualTo(3.0);
  }

  @Test
  void aDeadLetteredItemIsNeverLeasedAgainAndKeepsItsReason() {
    fixture.putCart("cart-dead", 1);
    fixture.checkout("cart-dead", 1);
    var store = fixture.store();

    int found =
        store
            .relay(
                50,
                events ->
                    Mono.just(
                        new Settlement(
                            Set.of(),
                            List.of(),
                            events.stream()
                                .map(e -> new DeadLetter(e, 3, "InvalidParameter: too long"))
                                .toList())))
            .block();

    assertThat(found).isEqualTo(1);
    fixture.clock.advance(Duration.ofDays(30));
    var relay = fixture.relay(sns, Mono.just(fixture.cartTopicArn));
    assertThat(relay.runOnce().block()).isZero();
    var item = fixture.outboxItems().getFirst();
    assertThat(item.get("attempts").n()).isEqualTo("3");
    assertThat(item.get("lastError").s()).isEqualTo("InvalidParameter: too long");
    assertThat(item).doesNotContainKeys("leaseUntil", "leaseOwner");
    var stats = store.stats().block();
    assertThat(stats.deadLettered()).isEqualTo(1);
    assertThat(stats.pending()).isZero();
    assertThat(fixture.probe.drainUntilEmpty(CartOutboxFixture.ORDER_FROM_CART)).isEmpty();
  }

  @Test
  void aWriteThatAppendsWakesAnIdleRelayUp() throws InterruptedException {
    fixture.putCart("cart-woken", 1);
    var wakeUp = new RelayWakeUp();
    var relay = fixture.relay(sns, Mono.just(fixture.cartTopicArn), 0, Duration.ofHours(1), wakeUp);
    relay.start();
    relay.runOnce().block(); // nothing due: the loop now idles for an hour

    EventEnvelope sent =
        fixture.checkoutThrough(
            new DynamoDbTransactions(fixture.dynamo, fixture.table, wakeUp), "cart-woken", 1);

    var received =
        fixture.probe.awaitAtLeast(CartOutboxFixture.ORDER_FROM_CART, 1, Duration.ofSeconds(20));
    stopAndWait(relay);
    assertThat(received).extracting(m -> eventId(m)).containsExactly(sent.id());
  }

  private UUID eventId(Message message) {
    return fixture.codec.decode(message.body()).id();
  }

  private MessagingProperties properties() {
    var relay =
        new MessagingProperties.Relay(
            true,
            Duration.ofMillis(50),
            Duration.ofSeconds(1),
            50,
            Duration.ofSeconds(1),
            Duration.ofSeconds(8),
            0);
    return new MessagingProperties(
        "cart",
        EmulatedInfrastructure.ENV,
        "dynamodb",
        relay,
        new MessagingProperties.Listener(1, 2.0, 300));
  }

  private static void stopAndWait(OutboxRelay relay) throws InterruptedException {
    var stopped = new CountDownLatch(1);
    relay.stop(stopped::countDown);
    assertThat(stopped.await(30, TimeUnit.SECONDS)).as("relay stopped").isTrue();
  }
}
