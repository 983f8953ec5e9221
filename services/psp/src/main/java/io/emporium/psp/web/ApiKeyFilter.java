package io.emporium.psp.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.psp.config.PspProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The API ({@code /api/psp/v1/**}) answers only callers that send the merchant's secret key as
 * {@code Authorization: Bearer <key>} (else a 401 problem); health, metrics and the API docs are
 * open.
 */
@Component
class ApiKeyFilter implements WebFilter {

  private static final String API = "/api/psp/v1/";

  private final byte[] expected;
  private final byte[] unauthenticated;

  ApiKeyFilter(PspProperties properties, ObjectMapper json) throws JsonProcessingException {
    this.expected = ("Bearer " + properties.apiKey()).getBytes(StandardCharsets.UTF_8);
    this.unauthenticated = json.writeValueAsBytes(PspProblem.unauthenticated().getBody());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (!path.startsWith(API)) {
      return chain.filter(exchange);
    }
    String given = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      return chain.filter(exchange);
    }
    var response = exchange.getResponse();
    response.setStatusCode(PspProblem.unauthenticated().getStatusCode());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return response.writeWith(Mono.just(response.bufferFactory().wrap(unauthenticated)));
  }
}
