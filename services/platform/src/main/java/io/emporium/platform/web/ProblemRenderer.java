package io.emporium.platform.web;

import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders any exception as an RFC 9457 problem for one request: the single place where both the
 * controller advice and the WebFlux error handler get their responses from. Unexpected errors are
 * logged here, once, with the trace id; their message never reaches the client.
 */
final class ProblemRenderer {

  private static final Logger log = LoggerFactory.getLogger(ProblemRenderer.class);
  private static final String UNEXPECTED = "An unexpected error occurred";

  private final ProblemClassifier classifier;
  private final TraceIdResolver traceIds;

  ProblemRenderer(ProblemClassifier classifier, TraceIdResolver traceIds) {
    this.classifier = classifier;
    this.traceIds = traceIds;
  }

  ResponseEntity<ProblemDetail> render(Throwable error, ServerWebExchange exchange) {
    Problem problem = classifier.classify(error);
    Optional<String> traceId = traceIds.traceId(exchange);
    log(problem, error, exchange.getRequest(), traceId);
    ProblemDetail body = ProblemDetail.forStatus(problem.type().status());
    body.setType(problem.type().uri());
    body.setTitle(problem.type().title());
    body.setDetail(detail(problem, exchange.getRequest()));
    body.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
    if (!problem.errors().isEmpty()) {
      body.setProperty("errors", problem.errors());
    }
    problem.properties().forEach(body::setProperty);
    traceId.ifPresent(id -> body.setProperty("traceId", id));
    HttpHeaders headers = new HttpHeaders();
    headers.addAll(problem.headers());
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(body.getStatus()).headers(headers).body(body);
  }

  private static String detail(Problem problem, ServerHttpRequest request) {
    if (problem.detail() != null) {
      return problem.detail();
    }
    if (problem.isServerError()) {
      return UNEXPECTED;
    }
    if (problem.type().equals(ProblemType.NOT_FOUND)) {
      return "No resource at " + request.getURI().getRawPath();
    }
    return problem.type().title();
  }

  private static void log(
      Problem problem, Throwable error, ServerHttpRequest request, Optional<String> traceId) {
    if (problem.type().equals(EventProblems.EVENT_REJECTED)) {
      log.warn(
          "{} {} accepted by the API but its event was refused: {}",
          request.getMethod(),
          request.getURI().getRawPath(),
          problem.detail());
    } else if (problem.type().equals(ProblemType.INTERNAL_ERROR)) {
      log.error(
          "Unexpected error on {} {} [traceId={}, requestId={}]",
          request.getMethod(),
          request.getURI().getRawPath(),
          traceId.orElse("none"),
          request.getId(),
          error);
    } else if (log.isDebugEnabled()) {
      log.debug(
          "{} {} → {} {}: {}",
          request.getMethod(),
          request.getURI().getRawPath(),
          problem.type().status(),
          problem.type().slug(),
          error.toString());
    }
  }
}
