package io.emporium.edge.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors of the edge itself as RFC 9457 problem+json: a service that does not answer is a 503
 * naming it, an unknown path a 404. Errors from a service pass through untouched (they never reach
 * this handler).
 */
@Component
@Order(-2)
class EdgeErrors implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(EdgeErrors.class);

  private final ObjectMapper json;

  EdgeErrors(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    String service = service(exchange);
    Map<String, Object> problem = problem(error, service);
    problem.put("instance", exchange.getRequest().getPath().value());
    int status = (int) problem.get("status");
    if (status >= 500) {
      log.warn(
          "{} {}: {}",
          exchange.getRequest().getMethod(),
          problem.get("instance"),
          error.toString());
    }
    exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(status));
    exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    try {
      byte[] body = json.writeValueAsBytes(problem);
      return exchange
          .getResponse()
          .writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    } catch (JsonProcessingException e) {
      return Mono.error(e);
    }
  }

  static Map<String, Object> problem(Throwable error, String service) {
    if (causedBy(error, ConnectException.class)) {
      return body(HttpStatus.SERVICE_UNAVAILABLE, service + " is not reachable", service);
    }
    if (causedBy(error, TimeoutException.class)) {
      return body(HttpStatus.GATEWAY_TIMEOUT, service + " did not answer in time", service);
    }
    ResponseStatusException e = cause(error, ResponseStatusException.class);
    if (e != null) {
      HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
      String detail = e.getReason() != null ? e.getReason() : "no such path on the edge";
      return body(status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR, detail, service);
    }
    return body(HttpStatus.BAD_GATEWAY, "the edge could not relay the request", service);
  }

  private static Map<String, Object> body(HttpStatus status, String detail, String service) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    if (service != null) {
      problem.put("service", service);
    }
    return problem;
  }

  private static String service(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    return route != null ? route.getId() : null;
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    return cause(error, type) != null;
  }

  private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
