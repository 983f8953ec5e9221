package io.emporium.platform.web;

import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * Finds the trace id of a request, for the {@code traceId} member of problems and for error logs.
 * Declare a bean of this type to use a tracer's current span instead of the default, which reads
 * the W3C {@code traceparent} header.
 */
@FunctionalInterface
public interface TraceIdResolver {

  Optional<String> traceId(ServerWebExchange exchange);
}
