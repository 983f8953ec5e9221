package io.emporium.platform.messaging.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.inbox.FailureLog;
import io.emporium.platform.messaging.r2dbc.MessagingTestApplication.CartEventsListener;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(OutputCaptureExtension.class)
class InboundEventsIntegrationTests extends MessagingIntegrationTest {

  /** Five receives with 1, 2, 4, 8 s of backoff between them, plus long-poll slack. */
  private static final Duration TO_DLQ = Duration.ofSeconds(60);

  @Autowired DatabaseClient db;
  @Autowired CartEventsListener listener;
  @Autowired MeterRegistry meters;
  @Autowired FailureLog failures;

  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final EventCodec codec = new EventCodec();
  private final Subscription edge =
      Topology.load().subscription(EmulatedInfrastructure.ENV, "order", "cart");

  @Test
  void sameEventDeliveredTwiceHasItsEffectOnce() throws Exception {
    double duplicatesBefore = duplicates();
    String body = codec.encode(EventEnvelope.of(TestEvents.cartCheckedOut("chk-twice")));

    probe.send(edge.queue(), body);
    probe.send(edge.queue(), body);

    awaitUntil(() -> duplicates() > duplicatesBefore);
    assertThat(effects("chk-twice")).isEqualTo(1);
  }

  @Test
  void failingHandlerIsRetriedWithGrowingDelaysThenDeadLettered() {
    var envelope = EventEnvelope.of(TestEvents.cartCheckedOut("fail-always"));
    probe.send(edge.queue(), codec.encode(envelope));

    Message dead = probe.await(edge.dlq(), 1, TO_DLQ).get(0);

    assertThat(dead.body()).contains(envelope.id().toString());
    List<Instant> attempts = listener.attempts.get("fail-always");
    assertThat(attempts).hasSize(edge.settings().maxReceiveCount());
    Duration firstGap = Duration.between(attempts.get(0), attempts.get(1));
    Duration lastGap = Duration.between(attempts.get(3), attempts.get(4));
    assertThat(lastGap).isGreaterThan(firstGap.multipliedBy(2));
    assertThat(failure(dead.messageId()))
        .containsEntry("event_id", envelope.id().toString())
        .containsEntry("type", "cart.CartCheckedOut.v1")
        .containsEntry("receive_count", edge.settings().maxReceiveCount())
        .hasEntrySatisfying(
            "reason", r -> assertThat((String) r).contains("simulated handler failure"));
    assertThat(effects("fail-always")).isZero();
    assertThat(failures.find(dead.messageId()).block())
        .satisfies(
            f -> {
              assertThat(f.eventId()).isEqualTo(envelope.id().toString());
              assertThat(f.type()).isEqualTo("cart.CartCheckedOut.v1");
              assertThat(f.receiveCount()).isEqualTo(edge.settings().maxReceiveCount());
              assertThat(f.reason()).contains("simulated handler failure");
              assertThat(f.lastFailedAt()).isAfter(f.firstFailedAt());
            });
  }

  @Test
  void malformedPayloadAndUnknownTypeAreDeadLetteredNeverAcknowledged(CapturedOutput output) {
    String unknownId = "0192f0c2-7c1a-7000-8000-000000000001";
    probe.send(edge.queue(), "this is { not json");
    probe.send(
        edge.queue(),
        """
        {"specversion":"1.0","id":"%s","type":"cart.CartAbandoned.v1","source":"/emporium/cart",
         "time":"2026-11-21T10:00:00Z","subject":"cart-1","data":{}}"""
            .formatted(unknownId));

    List<Message> dead = probe.await(edge.dlq(), 2, TO_DLQ);

    assertThat(dead).hasSize(2);
    var reasons = dead.stream().map(m -> (String) failure(m.messageId()).get("reason")).toList();
    assertThat(reasons)
        .anySatisfy(r -> assertThat(r).contains("not JSON"))
        .anySatisfy(r -> assertThat(r).contains("unknown event type 'cart.CartAbandoned.v1'"));
    assertThat(output).contains("malformed event").contains("eventId=" + unknownId);
  }

  private double duplicates() {
    var counter = meters.find("emporium.events.duplicates").counter();
    return counter == null ? 0 : counter.count();
  }

  private long effects(String checkoutId) {
    return db.sql("SELECT count(*) AS n FROM test_effects WHERE checkout_id = :id")
        .bind("id", checkoutId)
        .map(r -> r.get("n", Long.class))
        .one()
        .block();
  }

  private Map<String, Object> failure(String messageId) {
    return db.sql("SELECT * FROM message_failures WHERE message_id = :id")
        .bind("id", messageId)
        .fetch()
        .one()
        .blockOptional()
        .orElseThrow(() -> new AssertionError("no failure recorded for message " + messageId));
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(100);
    }
  }
}
