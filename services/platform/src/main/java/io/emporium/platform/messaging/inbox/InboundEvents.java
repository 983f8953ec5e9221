package io.emporium.platform.messaging.inbox;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.MalformedEventException;
import io.emporium.platform.messaging.TraceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * The consuming side of every listener: decode the envelope (a malformed one fails), narrow it to
 * the producer's sealed type, log what is handled with event id, type, subject and trace id, run
 * the {@link Effect} the listener returns with the event's record ({@link ProcessedEvents}), and on
 * failure record the reason ({@link FailureLog}) and let the error propagate: the message is never
 * acknowledged, comes back after the visibility backoff and reaches the DLQ after maxReceiveCount.
 *
 * <pre>{@code
 * @SqsListener("#{@eventQueues.from('payment')}")
 * CompletableFuture<Void> on(Message<String> message) {
 *   return inbound.handle(message, PaymentEvent.class, event -> switch (event) {
 *     case PaymentAuthorized authorized -> Effect.once(orders.apply(...));
 *     ...
 *   });
 * }
 * }</pre>
 */
public final class InboundEvents {

  private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

  private final EventCodec codec;
  private final ProcessedEvents processed;
  private final FailureLog failures;
  private final InboundMetrics metrics;

  private final InboundFaults faults;

  /** {@code faults}: the test-only consumer bug (profile fault-injection), else NONE. */
  InboundEvents(
      EventCodec codec,
      ProcessedEvents processed,
      FailureLog failures,
      InboundMetrics metrics,
      InboundFaults faults) {
    this.codec = codec;
    this.processed = processed;
    this.failures = failures;
    this.metrics = metrics;
    this.faults = faults;
  }

  /**
   * Handles {@code message}, an event of the producer whose sealed interface is {@code type}; an
   * event of another type fails (and goes to the DLQ).
   */
  public <E extends DomainEvent> CompletableFuture<Void> handle(
      Message<?> message, Class<E> type, Function<E, Effect> handler) {
    return handle(message, type, (event, envelope) -> handler.apply(event));
  }

  /** As {@link #handle(Message, Class, Function)}, for a handler that needs the envelope too. */
  public <E extends DomainEvent> CompletableFuture<Void> handle(
      Message<?> message, Class<E> type, BiFunction<E, EventEnvelope, Effect> handler) {
    return handleEnvelope(
        message,
        envelope ->
            Mono.defer(() -> run(envelope, handler.apply(envelope.dataAs(type), envelope))));
  }

  private Mono<Void> run(EventEnvelope envelope, Effect effect) {
    return switch (effect) {
      case Effect.Once once -> recorded(envelope, once.change()).then(once.after());
      case Effect.Idempotent idempotent -> idempotent.work().then(recorded(envelope, Mono.empty()));
      case Effect.None none -> Mono.empty();
    };
  }

  /** Runs {@code change} with the event's record; a duplicate is skipped, counted and logged. */
  private Mono<Void> recorded(EventEnvelope envelope, Mono<Void> change) {
    return processed
        .once(envelope, change)
        .doOnNext(
            applied -> {
              if (!applied) {
                metrics.duplicate();
                log.info("duplicate skipped: eventId={} type={}", envelope.id(), envelope.type());
              }
            })
        .then();
  }

  private CompletableFuture<Void> handleEnvelope(
      Message<?> message, Function<EventEnvelope, Mono<Void>> handler) {
    InboundMessage inbound = InboundMessage.of(message);
    String traceId = TraceContext.traceIdOf(inbound.traceparent());
    metrics.received(inbound, waited(InboundMessage.sentAt(message)));
    return Mono.fromCallable(() -> codec.decode(inbound.body()))
        .flatMap(
            envelope -> {
              EventLogFields.of(envelope, log.atInfo())
                  .setMessage(
                      "handling eventId={} type={} subject={} traceId={} queue={} receiveCount={}")
                  .addArgument(envelope.id())
                  .addArgument(envelope.type())
                  .addArgument(envelope.subject())
                  .addArgument(traceId)
                  .addArgument(inbound.queue())
                  .addArgument(inbound.receiveCount())
                  .log();
              return faults
                  .check(envelope)
                  .then(Mono.defer(() -> handler.apply(envelope)))
                  .doOnSuccess(v -> metrics.handled(envelope.type(), inbound.queue()))
                  .onErrorResume(e -> failed(inbound, envelope, traceId, e));
            })
        .onErrorResume(MalformedEventException.class, e -> malformed(inbound, traceId, e))
        .toFuture();
  }

  private Mono<Void> malformed(InboundMessage inbound, String traceId, MalformedEventException e) {
    log.error(
        "malformed event, not acknowledged (goes to the DLQ): eventId={} traceId={} queue={}"
            + " messageId={} reason={}",
        e.eventId(),
        traceId,
        inbound.queue(),
        inbound.messageId(),
        e.getMessage());
    metrics.failed(inbound, InboundMetrics.UNKNOWN_TYPE, true);
    return recordThenFail(inbound, e.eventId(), null, e);
  }

  private Mono<Void> failed(
      InboundMessage inbound, EventEnvelope envelope, String traceId, Throwable error) {
    log.warn(
        "handler failed, not acknowledged: eventId={} type={} subject={} traceId={} queue={}"
            + " receiveCount={} reason={}",
        envelope.id(),
        envelope.type(),
        envelope.subject(),
        traceId,
        inbound.queue(),
        inbound.receiveCount(),
        error.toString());
    metrics.failed(inbound, envelope.type(), false);
    return recordThenFail(inbound, envelope.id().toString(), envelope.type(), error);
  }

  private Mono<Void> recordThenFail(
      InboundMessage inbound, String eventId, String type, Throwable error) {
    return failures
        .record(inbound, eventId, type, error.toString())
        .onErrorResume(
            e -> {
              log.error(
                  "could not record failure of message {}: {}", inbound.messageId(), e.toString());
              return Mono.empty();
            })
        .then(Mono.error(error));
  }

  private static Duration waited(Instant sentAt) {
    return sentAt == null ? null : Duration.between(sentAt, Instant.now());
  }
}
