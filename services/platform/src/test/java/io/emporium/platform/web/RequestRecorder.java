package io.emporium.platform.web;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Records the headers of the last request as the server saw them (chunked or not). */
@Component
class RequestRecorder implements WebFilter, Ordered {

  private final AtomicReference<HttpHeaders> last = new AtomicReference<>();

  HttpHeaders lastHeaders() {
    return last.get();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    last.set(HttpHeaders.readOnlyHttpHeaders(exchange.getRequest().getHeaders()));
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
