package io.emporium.platform.identity;

import java.util.List;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the customer from the {@value #HEADER} header set by the SPA/edge. Exactly one well-formed
 * value is required; the value is never echoed back in errors.
 */
public final class HeaderCurrentCustomer implements CurrentCustomer {

  public static final String HEADER = "X-Customer-Id";

  HeaderCurrentCustomer() {}

  @Override
  public Mono<CustomerId> current(ServerWebExchange exchange) {
    List<String> values = exchange.getRequest().getHeaders().getOrEmpty(HEADER);
    if (values.isEmpty()) {
      return Mono.error(new UnauthenticatedException("Missing " + HEADER + " header"));
    }
    if (values.size() > 1 || !CustomerId.isValid(values.getFirst())) {
      return Mono.error(
          new UnauthenticatedException(
              "Invalid "
                  + HEADER
                  + " header: expected one value of 1-64 characters [A-Za-z0-9_-]"));
    }
    return Mono.just(new CustomerId(values.getFirst()));
  }
}
