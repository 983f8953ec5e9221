package io.emporium.platform.identity;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who the current request acts for: the one place services learn the shopper's identity. Today
 * {@link HeaderCurrentCustomer} trusts the edge's {@code X-Customer-Id} header; a JWT-backed
 * implementation can replace it by declaring a bean of this type.
 *
 * <p>Controllers normally declare a {@link CustomerId} parameter instead of calling this.
 */
public interface CurrentCustomer {

  /** The customer, or an {@link UnauthenticatedException} error (401) when there is none. */
  Mono<CustomerId> current(ServerWebExchange exchange);
}
