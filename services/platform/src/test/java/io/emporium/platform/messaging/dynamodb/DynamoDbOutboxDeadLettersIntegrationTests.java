package io.emporium.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.EventEnvelope;
import io.emporium.platform.messaging.outbox.OutboxDeadLetter;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import io.emporium.platform.messaging.outbox.Settlement;
import io.emporium.platform.messaging.outbox.Settlement.DeadLetter;
import io.emporium.platform.testing.EmulatedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/** The DynamoDB outbox's dead letters as on-call reads and replays them. */
@ExtendWith(EmulatedInfrastructure.class)
class DynamoDbOutboxDeadLettersIntegrationTests {

  private final CartOutboxFixture fixture = new CartOutboxFixture();
  private final SnsAsyncClient sns = AwsTestClients.sns(new RequestCounter());
  private final RelayWakeUp wakeUp = new RelayWakeUp();
  private final DynamoDbOutboxDeadLetters deadLetters =
      new DynamoDbOutboxDeadLetters(fixture.dynamo, fixture.table, wakeUp, fixture.clock);

  @AfterEach
  void close() {
    sns.close();
    fixture.close();
  }

  @Test
  void listsDeadLettersOfEveryShardOldestFirstWithReasonAndTime() {
    EventEnvelope first = checkout("cart-dl-1");
    fixture.clock.advance(Duration.ofSeconds(5));
    EventEnvelope second = checkout("cart-dl-2");
    fixture.clock.advance(Duration.ofSeconds(5));
    EventEnvelope pending = checkout("cart-dl-3");
    deadLetter(Set.of(first.id(), second.id()));

    List<OutboxDeadLetter> listed = deadLetters.list().collectList().block();

    assertThat(listed)
        .extracting(OutboxDeadLetter::eventId)
        .containsExactly(first.id(), second.id())
        .doesNotContain(pending.id());
    assertThat(listed.getFirst())
        .satisfies(
            letter -> {
              assertThat(letter.type()).isEqualTo("cart.CartCheckedOut.v1");
              assertThat(letter.subject()).isEqualTo(first.subject());
              assertThat(letter.attempts()).isEqualTo(3);
              assertThat(letter.lastError()).isEqualTo("InvalidParameter: too long");
              assertThat(letter.createdAt()).isEqualTo(CartOutboxFixture.T0);
              assertThat(letter.deadLetteredAt()).isEqualTo(CartOutboxFixture.T0.plusSeconds(10));
              assertThat(letter.payloadBytes()).isGreaterThan(100);
            });
    assertThat(deadLetters.requeue(List.of(pending.id())).collectList().block()).isEmpty();
  }

  @Test
  void aRequeuedDeadLetterIsPublishedByTheNextRoundAndLeavesTheOutbox() {
    EventEnvelope poison = checkout("cart-dl-replay");
    EventEnvelope stays = checkout("cart-dl-stays");
    deadLetter(Set.of(poison.id(), stays.id()));
    var relay = fixture.relay(sns, Mono.just(fixture.cartTopicArn), 3, Duration.ofHours(1), wakeUp);
    assertThat(relay.runOnce().block()).isZero();

    List<OutboxDeadLetter> requeued =
        deadLetters.requeue(List.of(poison.id(), UUID.randomUUID())).collectList().block();

    assertThat(requeued).extracting(OutboxDeadLetter::eventId).containsExactly(poison.id());
    assertThat(requeued.getFirst().lastError()).isEqualTo("InvalidParameter: too long");
    assertThat(relay.runOnce().block()).isEqualTo(1);
    assertThat(fixture.probe.drainUntilEmpty(CartOutboxFixture.ORDER_FROM_CART))
        .extracting(m -> fixture.codec.decode(m.body()).id())
        .containsExactly(poison.id());
    assertThat(fixture.outboxItems())
        .extracting(item -> item.get("sk").s())
        .containsExactly(stays.id().toString());
    assertThat(deadLetters.requeue(List.of(poison.id())).collectList().block()).isEmpty();
  }

  private EventEnvelope checkout(String cartId) {
    fixture.putCart(cartId, 1);
    return fixture.checkout(cartId, 1);
  }

  /** Dead-letters {@code ids} as the relay does after three permanent failures. */
  private void deadLetter(Set<UUID> ids) {
    fixture
        .store()
        .relay(
            50,
            events ->
                Mono.just(
                    new Settlement(
                        Set.of(),
                        List.of(),
                        events.stream()
                            .filter(e -> ids.contains(e.id()))
                            .map(e -> new DeadLetter(e, 3, "InvalidParameter: too long"))
                            .toList())))
        .block();
  }
}
