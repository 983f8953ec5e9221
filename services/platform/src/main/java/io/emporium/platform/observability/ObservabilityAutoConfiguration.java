package io.emporium.platform.observability;

import io.prometheus.metrics.tracer.common.SpanContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Trace exemplars on the Prometheus metrics: Spring Boot's Prometheus registry takes a {@link
 * SpanContext} bean; this one reads the OpenTelemetry agent's current span (docs/observability.md).
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration")
@ConditionalOnClass({SpanContext.class, io.opentelemetry.api.trace.Span.class})
public class ObservabilityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  SpanContext openTelemetrySpanContext() {
    return new OpenTelemetrySpanContext();
  }
}
