package io.emporium.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.prometheus.metrics.tracer.common.SpanContext;

/**
 * The current OpenTelemetry span (from the Java agent, which bridges the API the service links
 * against) as the Prometheus registry's exemplar source: a histogram bucket or counter sample then
 * carries the trace id of a request that landed in it (OpenMetrics format only). Without the agent
 * there is no valid span, and no exemplar.
 */
final class OpenTelemetrySpanContext implements SpanContext {

  @Override
  public String getCurrentTraceId() {
    var context = Span.current().getSpanContext();
    return context.isValid() ? context.getTraceId() : null;
  }

  @Override
  public String getCurrentSpanId() {
    var context = Span.current().getSpanContext();
    return context.isValid() ? context.getSpanId() : null;
  }

  @Override
  public boolean isCurrentSpanSampled() {
    var context = Span.current().getSpanContext();
    return context.isValid() && context.isSampled();
  }

  @Override
  public void markCurrentSpanAsExemplar() {
    Span.current().setAttribute(EXEMPLAR_ATTRIBUTE_NAME, EXEMPLAR_ATTRIBUTE_VALUE);
  }
}
