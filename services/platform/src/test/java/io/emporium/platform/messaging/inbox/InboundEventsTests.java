package io.emporium.platform.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.EventFixtures;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderEvent;
import io.emporium.events.order.OrderPlaced;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;

/** The one listener shape: narrowing, and each kind of effect with the event's record. */
class InboundEventsTests {

  private final EventCodec codec = new EventCodec();
  private final RecordingProcessedEvents processed = new RecordingProcessedEvents();
  private final RecordingFailureLog failures = new RecordingFailureLog();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final InboundEvents inbound =
      new InboundEvents(
          codec,
          processed,
          failures,
          new InboundMetrics(meters, List.of(), 5, processed.name()),
          InboundFaults.NONE);
  private final List<String> effects = new ArrayList<>();

  @Test
  void runsAOnceEffectInsideTheRecordOfTheEventAndSkipsItForADuplicate() {
    EventEnvelope placed = EventFixtures.envelope("order.OrderPlaced.v1");

    handle(placed);
    handle(placed);

    assertThat(effects).containsExactly("reserve inside once", "after", "after");
    assertThat(processed.recorded).containsExactly(placed.id());
    assertThat(meters.get(InboundMetrics.DUPLICATES).tag("store", "memory").counter().count())
        .as("the duplicate counted once, by the core")
        .isEqualTo(1.0);
  }

  @Test
  void runsIdempotentWorkOnEveryDeliveryAndRecordsTheEventAfterIt() {
    EventEnvelope confirmed = EventFixtures.envelope("order.OrderConfirmed.v1");

    handle(confirmed);
    handle(confirmed);

    assertThat(effects).containsExactly("capture outside once", "capture outside once");
    assertThat(processed.recorded).containsExactly(confirmed.id());
  }

  @Test
  void recordsNothingForAnEventThatChangesNothing() {
    handle(EventFixtures.envelope("order.OrderCancelled.v1"));

    assertThat(effects).isEmpty();
    assertThat(processed.recorded).isEmpty();
  }

  @Test
  void failsAndRecordsWhyForAnEventOfAnotherProducer() {
    EventEnvelope checkedOut = EventFixtures.envelope("cart.CartCheckedOut.v1");

    assertThatThrownBy(() -> handle(checkedOut))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ClassCastException.class);

    assertThat(effects).isEmpty();
    assertThat(failures.reasons).containsOnlyKeys("m-" + checkedOut.id());
    assertThat(failures.reasons.get("m-" + checkedOut.id())).contains("ClassCastException");
  }

  @Test
  void recordsWhyAFailingEffectFailedAndNeverAcknowledgesIt() {
    EventEnvelope placed = EventFixtures.envelope("order.OrderPlaced.v1");
    processed.failNext = true;

    assertThatThrownBy(() -> handle(placed)).hasRootCauseMessage("database down");

    assertThat(failures.reasons.get("m-" + placed.id())).contains("database down");
  }

  private void handle(EventEnvelope envelope) {
    inbound
        .handle(
            message(envelope),
            OrderEvent.class,
            event ->
                switch (event) {
                  case OrderPlaced placed ->
                      Effect.once(effect("reserve inside once")).andThen(effect("after"));
                  case OrderConfirmed confirmed ->
                      Effect.idempotent(effect("capture outside once"));
                  case OrderCancelled cancelled -> Effect.none();
                })
        .join();
  }

  private Mono<Void> effect(String name) {
    return Mono.fromRunnable(() -> effects.add(name));
  }

  private Message<String> message(EventEnvelope envelope) {
    String body = codec.encode(envelope);
    var sqs =
        software.amazon.awssdk.services.sqs.model.Message.builder()
            .messageId("m-" + envelope.id())
            .body(body)
            .attributesWithStrings(Map.of("ApproximateReceiveCount", "1"))
            .build();
    return MessageBuilder.withPayload(body)
        .setHeader(SqsHeaders.SQS_SOURCE_DATA_HEADER, sqs)
        .setHeader(SqsHeaders.SQS_QUEUE_NAME_HEADER, "emporium-test-catalog-from-order")
        .build();
  }

  /** A store of processed events in a set: once runs the change only for a new id. */
  private static final class RecordingProcessedEvents implements ProcessedEvents {
    final Set<UUID> recorded = new HashSet<>();
    boolean failNext;

    @Override
    public String name() {
      return "memory";
    }

    @Override
    public Mono<Boolean> once(EventEnvelope envelope, Mono<Void> effect) {
      if (failNext) {
        return Mono.error(new IllegalStateException("database down"));
      }
      return Mono.defer(
          () ->
              recorded.contains(envelope.id())
                  ? Mono.just(false)
                  : effect.then(Mono.fromCallable(() -> recorded.add(envelope.id()))));
    }
  }

  private static final class RecordingFailureLog implements FailureLog {
    final Map<String, String> reasons = new java.util.HashMap<>();

    @Override
    public Mono<Void> record(InboundMessage message, String eventId, String type, String reason) {
      return Mono.fromRunnable(() -> reasons.put(message.messageId(), reason));
    }

    @Override
    public Mono<MessageFailure> find(String messageId) {
      return Mono.empty();
    }
  }
}
