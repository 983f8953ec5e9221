package io.emporium.edge.identity;

import io.emporium.boundary.identity.CognitoAccessTokens;
import io.emporium.boundary.identity.IdentityProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who a request is from, when it carries a valid access token of the shop's pool (the checks the
 * services make: RS256 by the pool's JWKS, issuer, {@code token_use = access}, {@code client_id},
 * expiry): the token's {@code sub}. Empty for no token or an invalid one: the edge never decides
 * access (the service answers 401); it only keys limits on a customer it has verified, so no one
 * can spend another shopper's allowance.
 */
@Component
public class CustomerTokens {

  private static final String BEARER = "Bearer ";

  private final ReactiveJwtDecoder decoder;

  CustomerTokens(IdentityProperties identity) {
    decoder = CognitoAccessTokens.decoder(identity);
  }

  /** The verified customer of the request, or empty. */
  public Mono<String> customer(ServerWebExchange exchange) {
    String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Mono.empty();
    }
    return decoder
        .decode(header.substring(BEARER.length()).trim())
        .map(Jwt::getSubject)
        .onErrorResume(e -> Mono.empty());
  }
}
