package io.emporium.platform.identity;

import io.emporium.platform.web.ForbiddenException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's refusals as the platform's problems: the errors travel to the shared error
 * handler, which renders them as problem+json like any other. 401 carries {@code WWW-Authenticate:
 * Bearer} (RFC 6750), with {@code error="invalid_token"} when a token was sent.
 */
final class BearerProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  static final String NO_TOKEN =
      "Sign in: this API needs an access token (Authorization: Bearer <token>)";
  static final String ADMINS_ONLY = "Only administrators may do this";

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
    if (failure instanceof OAuth2AuthenticationException invalid) {
      String why = invalid.getError().getDescription();
      return Mono.error(
          new UnauthenticatedException(
                  "The access token is not valid" + (why == null ? "" : ": " + why))
              .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
    }
    return Mono.error(
        new UnauthenticatedException(NO_TOKEN).withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return Mono.error(new ForbiddenException(ADMINS_ONLY));
  }
}
