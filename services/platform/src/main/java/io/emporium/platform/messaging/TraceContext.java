package io.emporium.platform.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The W3C {@code traceparent} of the current span, when the OpenTelemetry agent (or SDK) provides
 * one: stored with each outbox row so the relay's publish continues the business request's trace.
 */
public final class TraceContext {

  private TraceContext() {}

  /** The current traceparent, or null outside a sampled span. */
  public static String currentTraceparent() {
    SpanContext context = Span.current().getSpanContext();
    if (!context.isValid()) {
      return null;
    }
    return "00-"
        + context.getTraceId()
        + "-"
        + context.getSpanId()
        + "-"
        + context.getTraceFlags().asHex();
  }

  /** The trace id inside a traceparent, or "-" when there is none. */
  public static String traceIdOf(String traceparent) {
    if (traceparent == null || traceparent.length() < 35) {
      return "-";
    }
    return traceparent.substring(3, 35);
  }
}
