package io.emporium.platform.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The first filter of every request: the body becomes a {@link DrainingRequest} (at most the limit
 * reaches a handler; whatever is left unread is discarded before the response commits). A declared
 * Content-Length over the limit is a 413 after the body is discarded; over the swallow size, at
 * once (the client may then see the connection reset: nothing can be done for such a body).
 */
final class BodySizeLimitFilter implements WebFilter, Ordered {

  static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

  private final BodySizeLimit limit;

  BodySizeLimitFilter(BodySizeLimit limit) {
    this.limit = limit;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long declared = exchange.getRequest().getHeaders().getContentLength();
    if (declared > limit.swallowBytes()) {
      return Mono.error(limit.exceeded());
    }
    DrainingRequest request = new DrainingRequest(exchange.getRequest(), limit);
    exchange.getResponse().beforeCommit(request::drainUnread);
    if (declared > limit.bytes()) {
      return request.drainUnread().then(Mono.error(limit.exceeded()));
    }
    return chain.filter(exchange.mutate().request(request).build());
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
