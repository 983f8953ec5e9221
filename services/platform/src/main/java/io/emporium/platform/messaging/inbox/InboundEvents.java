package io.emporium.platform.messaging.inbox;

import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.MalformedEventException;
import io.emporium.platform.messaging.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * The consuming side of every listener: decode the envelope (a malformed one fails), log what is
 * handled with event id, type, subject and trace id, run the handler, and on failure record the
 * reason and let the error propagate — the message is never acknowledged, comes back after the
 * visibility backoff and reaches the DLQ after maxReceiveCount.
 *
 * <pre>{@code
 * @SqsListener("#{@eventQueues.from('payment')}")
 * CompletableFuture<Void> on(Message<String> message) {
 *   return inbound.handle(message, envelope -> switch (envelope.data()) { ... });
 * }
 * }</pre>
 */
public final class InboundEvents {

  private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

  private final EventCodec codec;
  private final FailureLog failures;
  private final MeterRegistry meters;

  private final InboundFaults faults;

  public InboundEvents(EventCodec codec, FailureLog failures, MeterRegistry meters) {
    this(codec, failures, meters, InboundFaults.NONE);
  }

  /** With {@code faults}: a test-only switch that fails chosen event types (profile faults). */
  public InboundEvents(
      EventCodec codec, FailureLog failures, MeterRegistry meters, InboundFaults faults) {
    this.codec = codec;
    this.failures = failures;
    this.meters = meters;
    this.faults = faults;
  }

  public CompletableFuture<Void> handle(
      Message<?> message, Function<EventEnvelope, Mono<Void>> handler) {
    InboundMessage inbound = InboundMessage.of(message);
    String traceId = TraceContext.traceIdOf(inbound.traceparent());
    return Mono.fromCallable(() -> codec.decode(inbound.body()))
        .flatMap(
            envelope -> {
              log.info(
                  "handling eventId={} type={} subject={} traceId={} queue={} receiveCount={}",
                  envelope.id(),
                  envelope.type(),
                  envelope.subject(),
                  traceId,
                  inbound.queue(),
                  inbound.receiveCount());
              return faults
                  .check(envelope)
                  .then(Mono.defer(() -> handler.apply(envelope)))
                  .doOnSuccess(v -> count("handled", envelope.type(), inbound.queue()))
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
    count("malformed", "unknown", inbound.queue());
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
    count("failed", envelope.type(), inbound.queue());
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

  private void count(String outcome, String type, String queue) {
    meters
        .counter("emporium.events.consumed", "outcome", outcome, "type", type, "queue", queue)
        .increment();
  }
}
