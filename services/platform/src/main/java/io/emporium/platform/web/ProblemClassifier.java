package io.emporium.platform.web;

import io.emporium.events.InvalidEventException;
import jakarta.validation.ConstraintViolationException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** Decides what an exception means to the client. Anything it does not know is a 500. */
final class ProblemClassifier {

  private static final String NO_MATCHING_HANDLER = "No matching handler";

  private final BodySizeLimit limit;

  ProblemClassifier(BodySizeLimit limit) {
    this.limit = limit;
  }

  Problem classify(Throwable error) {
    return switch (error) {
      case InvalidRequestException invalid -> Problem.invalid(invalid.violations());
      case UnreadableRequestException unreadable -> unreadable.problem();
      case ServerExchangeRejectedException rejected -> RejectedExchangeProblems.of(rejected);
      case ProblemException expected ->
          Problem.of(expected.type(), expected.detail())
              .withProperties(expected.properties())
              .withHeaders(expected.headers());
      case WebExchangeBindException binding -> ValidationProblems.of(binding.getBindingResult());
      case HandlerMethodValidationException validation -> ValidationProblems.of(validation);
      case ConstraintViolationException validation -> ValidationProblems.of(validation);
      case Throwable event when Causes.find(event, InvalidEventException.class) != null ->
          EventProblems.of(Causes.find(event, InvalidEventException.class));
      case Throwable tooLarge when Causes.find(tooLarge, DataBufferLimitException.class) != null ->
          Problem.of(ProblemType.CONTENT_TOO_LARGE, limit.exceededDetail());
      case ServerWebInputException input -> InputProblems.of(input);
      case ErrorResponse response -> fromStatus(response);
      default -> Problem.of(ProblemType.INTERNAL_ERROR, null);
    };
  }

  private static Problem fromStatus(ErrorResponse response) {
    ProblemType type = ProblemType.forStatus(response.getStatusCode());
    if (type.status() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
      return Problem.of(type, null);
    }
    return Problem.of(type, detail(response)).withHeaders(response.getHeaders());
  }

  /** Spring's own 404s describe its internals ("No static resource"); the renderer says better. */
  private static String detail(ErrorResponse response) {
    if (response instanceof NoResourceFoundException) {
      return null;
    }
    if (response instanceof ResponseStatusException status
        && NO_MATCHING_HANDLER.equals(status.getReason())) {
      return null;
    }
    return response.getBody().getDetail();
  }
}
