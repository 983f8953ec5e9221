package io.emporium.platform.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rejects a request whose declared Content-Length exceeds the limit with 413, before anything reads
 * its body. Chunked bodies have no length up front: the codecs' limit stops them while decoding.
 */
final class BodySizeLimitFilter implements WebFilter, Ordered {

  private final BodySizeLimit limit;

  BodySizeLimitFilter(BodySizeLimit limit) {
    this.limit = limit;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long declared = exchange.getRequest().getHeaders().getContentLength();
    if (declared > limit.bytes()) {
      return Mono.error(
          new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, limit.exceededDetail()));
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
