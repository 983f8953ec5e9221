package io.emporium.psp.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error as RFC 9457 {@code application/problem+json}, through Spring's own support: the API's
 * problems ({@link PspProblem}), validation errors naming each field in {@code errors[]}, and a 500
 * that leaks nothing for anything unexpected.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
      WebExchangeBindException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    ProblemDetail problem = ex.getBody();
    List<Map<String, String>> errors =
        ex.getFieldErrors().stream()
            .map(
                e ->
                    Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
            .toList();
    problem.setType(java.net.URI.create(PspProblem.BASE + "validation-failed"));
    problem.setTitle("Validation failed");
    problem.setDetail(
        errors.size() == 1
            ? errors.getFirst().get("field") + ": " + errors.getFirst().get("message")
            : errors.size() + " fields are invalid");
    problem.setProperty("errors", errors);
    return handleExceptionInternal(ex, problem, headers, status, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    ProblemDetail problem = ex.getBody();
    problem.setType(java.net.URI.create(PspProblem.BASE + "malformed-request"));
    return handleExceptionInternal(ex, problem, headers, status, exchange);
  }

  @ExceptionHandler(Exception.class)
  Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
    logger.error("unexpected error on " + exchange.getRequest().getPath(), ex);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatusCode.valueOf(500), "The request could not be completed.");
    problem.setType(java.net.URI.create(PspProblem.BASE + "internal-error"));
    problem.setTitle("Internal server error");
    return handleExceptionInternal(
        ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(500), exchange);
  }
}
