package io.emporium.edge.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The 429 of a limited request: problem+json ({@code too-many-requests}) and {@code Retry-After}.
 */
final class TooManyRequests {

  static final String TYPE = "https://emporium.io/problems/too-many-requests";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TooManyRequests() {}

  static Mono<Void> write(ServerWebExchange exchange, String detail, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", TYPE);
    problem.put("title", "Too many requests");
    problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
    problem.put("detail", detail + ": try again in " + seconds + " s");
    problem.put("instance", exchange.getRequest().getPath().value());
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(problem);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      body = ("{\"status\":429}").getBytes(StandardCharsets.UTF_8);
    }
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
