package io.emporium.platform.web;

import java.util.List;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Renders errors that never reach a controller (a WebFilter's 413, failures while writing a
 * response) with the same renderer and codecs as the advice. Replaces Boot's whitelabel handler.
 */
final class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler, Ordered {

  /** Before Boot's DefaultErrorWebExceptionHandler (-1), should it be registered anyway. */
  static final int ORDER = -2;

  private final ProblemRenderer renderer;
  private final ServerResponse.Context context;

  ProblemErrorWebExceptionHandler(ProblemRenderer renderer, ServerCodecConfigurer codecs) {
    this.renderer = renderer;
    List<HttpMessageWriter<?>> writers = codecs.getWriters();
    this.context =
        new ServerResponse.Context() {
          @Override
          public List<HttpMessageWriter<?>> messageWriters() {
            return writers;
          }

          @Override
          public List<ViewResolver> viewResolvers() {
            return List.of();
          }
        };
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    ResponseEntity<ProblemDetail> problem = renderer.render(error, exchange);
    return ServerResponse.status(problem.getStatusCode())
        .headers(headers -> headers.addAll(problem.getHeaders()))
        .bodyValue(problem.getBody())
        .flatMap(response -> response.writeTo(exchange, context));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
