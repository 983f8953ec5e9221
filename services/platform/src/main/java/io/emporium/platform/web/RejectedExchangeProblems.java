package io.emporium.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses a path with an encoded NUL, slash or dot segment, or a header
 * with a control character, before anything else sees the request. Its own answer is an empty 400;
 * this one is the platform's problem: 400 malformed-request naming the header, or {@code path}.
 */
final class RejectedExchangeProblems implements ServerExchangeRejectedHandler {

  private static final Pattern HEADER = Pattern.compile("header: \"([!-~]{1,64}?)\\s*\"");

  private final ProblemErrorWebExceptionHandler problems;

  RejectedExchangeProblems(ProblemErrorWebExceptionHandler problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
    return problems.handle(exchange, rejected);
  }

  /** The problem for a refusal, also when it surfaces later (headers are checked when read). */
  static Problem of(ServerExchangeRejectedException rejected) {
    Matcher header = HEADER.matcher(String.valueOf(rejected.getMessage()));
    String field = header.find() ? header.group(1) : "path";
    String message =
        field.equals("path")
            ? "must not hold encoded NUL, slash, backslash, dot segments or control characters"
            : "must not hold control characters";
    return new UnreadableRequestException(field, message).problem();
  }
}
