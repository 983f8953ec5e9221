package io.emporium.platform.messaging.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.r2dbc.MessagingTestApplication.CartEventsListener;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The retry split (ADR 19, issue 14 defect 2): a handler whose dependency refuses for longer than
 * the old five receives with 1, 2, 4, 8 s between them is ridden out, while poison still reaches
 * its DLQ at once. The backoff is capped at 4 s here ({@link MessagingIntegrationTest}; 300 s in a
 * service) so that the test takes a minute, not an hour; maxReceiveCount is the topology's.
 */
class RetrySplitIntegrationTests extends MessagingIntegrationTest {

  /** Longer than five receives with 1, 2, 4, 4 s between them (the old budget, at most 11 s). */
  private static final Duration OUTAGE = Duration.ofSeconds(25);

  @Autowired CartEventsListener listener;
  @Autowired DatabaseClient db;

  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final EventCodec codec = new EventCodec();
  private final Subscription edge =
      Topology.load().subscription(EmulatedInfrastructure.ENV, "order", "cart");

  @Test
  void aDependencyRefusingForLongerThanTheOldRetryBudgetIsRiddenOut() {
    String checkoutId = CartEventsListener.DOWN_UNTIL + Instant.now().plus(OUTAGE).toEpochMilli();
    probe.send(edge.queue(), codec.encode(EventEnvelope.of(TestEvents.cartCheckedOut(checkoutId))));

    Awaitility.await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> effects(checkoutId) == 1);

    assertThat(listener.attempts.get(checkoutId)).hasSizeGreaterThan(5);
    assertThat(probe.drain(edge.dlq(), Duration.ofSeconds(2)))
        .noneSatisfy(dead -> assertThat(dead.body()).contains(checkoutId));
  }

  @Test
  void poisonUsesUpItsReceivesAtOnceAndWaitsInTheDlq() {
    Instant sent = Instant.now();
    String poison = "this is { not json either " + sent.toEpochMilli();
    probe.send(edge.queue(), poison);

    List<Message> dead =
        probe.await(edge.dlq(), m -> m.body().equals(poison), 1, Duration.ofSeconds(60));

    assertThat(dead).hasSize(1);
    // Twenty receives with the capped backoff would take at least 0.5 + 1 + 18 × 2 s.
    assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(30));
  }

  private long effects(String checkoutId) {
    return db.sql("SELECT count(*) AS n FROM test_effects WHERE checkout_id = :id")
        .bind("id", checkoutId)
        .map(r -> r.get("n", Long.class))
        .one()
        .block();
  }
}
