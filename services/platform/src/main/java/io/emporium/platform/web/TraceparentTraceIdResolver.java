package io.emporium.platform.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the trace id from the W3C {@code traceparent} header ({@code 00-<32 hex>-<16 hex>-<2 hex>})
 * or, failing that, from the logging MDC ({@code traceId} for Micrometer, {@code trace_id} for the
 * OpenTelemetry agent).
 */
final class TraceparentTraceIdResolver implements TraceIdResolver {

  private static final Pattern TRACEPARENT =
      Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
  private static final String ALL_ZEROS = "0".repeat(32);

  @Override
  public Optional<String> traceId(ServerWebExchange exchange) {
    String header = exchange.getRequest().getHeaders().getFirst("traceparent");
    if (header != null) {
      Matcher matcher = TRACEPARENT.matcher(header.trim());
      if (matcher.matches() && !ALL_ZEROS.equals(matcher.group(1))) {
        return Optional.of(matcher.group(1));
      }
    }
    String fromMdc = MDC.get("traceId");
    return Optional.ofNullable(fromMdc != null ? fromMdc : MDC.get("trace_id"));
  }
}
