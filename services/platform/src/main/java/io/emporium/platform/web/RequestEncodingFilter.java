package io.emporium.platform.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose path or query is not well-formed percent-encoded UTF-8 (400
 * malformed-request naming the query parameter, or {@code path}) before anything decodes it: once
 * decoded, invalid bytes would be replacement characters no handler could tell from real ones.
 * Control characters in decoded values are refused where a handler binds them ({@link
 * TextParameterAdvice}).
 */
final class RequestEncodingFilter implements WebFilter, Ordered {

  static final String MESSAGE = "must be percent-encoded UTF-8";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var uri = exchange.getRequest().getURI();
    if (!PercentEncoding.isUtf8(uri.getRawPath())) {
      return Mono.error(new UnreadableRequestException("path", MESSAGE));
    }
    String query = uri.getRawQuery();
    if (query != null) {
      for (String parameter : query.split("&")) {
        int equals = parameter.indexOf('=');
        String name = equals < 0 ? parameter : parameter.substring(0, equals);
        String value = equals < 0 ? "" : parameter.substring(equals + 1);
        if (!PercentEncoding.isUtf8(name)) {
          return Mono.error(new UnreadableRequestException("query", MESSAGE));
        }
        if (!PercentEncoding.isUtf8(value)) {
          return Mono.error(new UnreadableRequestException(PercentEncoding.decode(name), MESSAGE));
        }
      }
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return BodySizeLimitFilter.ORDER + 10;
  }
}
