package io.emporium.platform.messaging.outbox;

import io.emporium.events.EventEnvelope;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The spans that make the outbox visible in a checkout's trace (with the OpenTelemetry agent; no-op
 * without it): {@code outbox append <type>} when a state change writes its event, and {@code
 * <topic> publish} when the relay hands it to SNS, a child of the append even though it runs later
 * in another thread (the row keeps the append's traceparent). The publish span's traceparent is the
 * one SNS carries to the consumers, so their spans follow it.
 */
public final class OutboxSpans {

  private static final String SCOPE = "io.emporium.platform.messaging";
  private static final TextMapGetter<Map<String, String>> MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private OutboxSpans() {}

  /** Starts the append span of {@code envelope} under the current span; the caller ends it. */
  public static Span append(EventEnvelope envelope) {
    return tracer()
        .spanBuilder("outbox append " + envelope.type())
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute("messaging.message.id", envelope.id().toString())
        .setAttribute("emporium.event.type", envelope.type())
        .startSpan();
  }

  /** Starts the publish span of an outbox event, a child of the trace its row recorded. */
  static Span publish(String topicArn, OutgoingEvent event) {
    Context parent =
        event.traceparent() == null
            ? Context.root()
            : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of("traceparent", event.traceparent()), MAP);
    String topic = topicArn.substring(topicArn.lastIndexOf(':') + 1);
    return tracer()
        .spanBuilder(topic + " publish")
        .setParent(parent)
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "aws_sns")
        .setAttribute("messaging.operation.type", "send")
        .setAttribute("messaging.destination.name", topic)
        .setAttribute("messaging.message.id", event.id().toString())
        .setAttribute("emporium.event.type", event.type())
        .startSpan();
  }

  /** The span's W3C traceparent, or {@code fallback} when it is not recording (no agent). */
  public static String traceparent(Span span, String fallback) {
    var context = span.getSpanContext();
    if (!context.isValid()) {
      return fallback;
    }
    return "00-"
        + context.getTraceId()
        + "-"
        + context.getSpanId()
        + "-"
        + context.getTraceFlags().asHex();
  }

  /** Ends each publish span, as an error when SNS did not take its event. */
  static void endPublished(List<Span> spans, List<OutgoingEvent> batch, PublishResult result) {
    for (int i = 0; i < spans.size(); i++) {
      var failure = result.failed().get(batch.get(i).id());
      if (failure != null) {
        spans.get(i).setStatus(StatusCode.ERROR, failure.reason());
      }
      spans.get(i).end();
    }
  }

  /**
   * {@code work}, subscribed outside any trace. A relay's rounds run on whatever thread finished
   * the previous one (a pooled connection's, last used by a consumer), so without this the agent
   * would file every later poll of the outbox under that consumer's trace, forever.
   */
  public static <T> Mono<T> detached(Supplier<Mono<T>> work) {
    return Mono.create(
        sink -> {
          try (Scope ignored = Context.root().makeCurrent()) {
            sink.onDispose(work.get().subscribe(sink::success, sink::error, sink::success));
          }
        });
  }

  private static Tracer tracer() {
    return GlobalOpenTelemetry.getTracer(SCOPE);
  }
}
