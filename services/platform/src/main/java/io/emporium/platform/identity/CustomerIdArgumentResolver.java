package io.emporium.platform.identity;

import io.emporium.boundary.identity.CustomerId;
import org.springframework.core.MethodParameter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets a controller method declare {@code CustomerId customer}: the {@code sub} of the request's
 * verified access token. Without one (a public endpoint called anonymously) it is a 401.
 */
final class CustomerIdArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == CustomerId.class;
  }

  @Override
  public Mono<Object> resolveArgument(
      MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(
            token ->
                (Object) new CustomerId(((JwtAuthenticationToken) token).getToken().getSubject()))
        .switchIfEmpty(Mono.error(() -> new UnauthenticatedException(BearerProblems.NO_TOKEN)));
  }
}
