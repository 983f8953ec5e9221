package io.emporium.platform.identity;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Lets a controller method declare {@code CustomerId customer} to get the current customer. */
final class CustomerIdArgumentResolver implements HandlerMethodArgumentResolver {

  private final CurrentCustomer currentCustomer;

  CustomerIdArgumentResolver(CurrentCustomer currentCustomer) {
    this.currentCustomer = currentCustomer;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == CustomerId.class;
  }

  @Override
  public Mono<Object> resolveArgument(
      MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
    return currentCustomer.current(exchange).cast(Object.class);
  }
}
