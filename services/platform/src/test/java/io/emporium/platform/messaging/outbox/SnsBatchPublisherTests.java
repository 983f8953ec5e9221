package io.emporium.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * PublishBatch requests stay within what SNS accepts (ten entries, 256 KiB in all): one large event
 * no longer fails the nine beside it on every retry (issue 14 defect 5).
 */
class SnsBatchPublisherTests {

  /** What SNS accepts in one message, and in all the entries of a PublishBatch request. */
  private static final int SNS_LIMIT = 256 * 1024;

  private static final String TOPIC =
      "arn:aws:sns:us-east-1:000000000000:emporium-test-order-events";

  private final ScriptedSns sns = new ScriptedSns();
  private final SnsBatchPublisher publisher = new SnsBatchPublisher(sns);

  @Test
  void tenEventsTooLargeForOneRequestTogetherAreAllPublished() {
    List<OutgoingEvent> events = IntStream.range(0, 10).mapToObj(i -> event(30 * 1024)).toList();

    PublishResult result = publisher.publish(TOPIC, events).block();

    assertThat(result.failed()).isEmpty();
    assertThat(result.published()).hasSize(10);
    assertThat(sns.requestBytes)
        .hasSizeGreaterThan(1)
        .allSatisfy(bytes -> assertThat(bytes).isLessThanOrEqualTo(SNS_LIMIT));
  }

  @Test
  void anEventTooLargeForSnsFailsForGoodAloneWhileItsNeighboursArePublished() {
    OutgoingEvent huge = event(SNS_LIMIT + 1);
    List<OutgoingEvent> events = List.of(event(100), huge, event(100));

    PublishResult result = publisher.publish(TOPIC, events).block();

    assertThat(result.published())
        .containsExactlyInAnyOrder(events.get(0).id(), events.get(2).id());
    assertThat(result.failed()).containsOnlyKeys(huge.id());
    assertThat(result.failed().get(huge.id()).permanent()).isTrue();
  }

  private static OutgoingEvent event(int payloadBytes) {
    return new OutgoingEvent(
        UUID.randomUUID(), "order.OrderPlaced.v1", "order-1", "x".repeat(payloadBytes), null);
  }
}
