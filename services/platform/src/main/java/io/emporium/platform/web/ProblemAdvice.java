package io.emporium.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one controller advice: every exception raised while dispatching a request (including Spring's
 * 404/405/415 and argument resolution) becomes a problem. Ordered last so that a service may still
 * add a narrower advice of its own.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
final class ProblemAdvice {

  private final ProblemRenderer renderer;

  ProblemAdvice(ProblemRenderer renderer) {
    this.renderer = renderer;
  }

  @ExceptionHandler(Throwable.class)
  ResponseEntity<ProblemDetail> handle(Throwable error, ServerWebExchange exchange) {
    return renderer.render(error, exchange);
  }
}
