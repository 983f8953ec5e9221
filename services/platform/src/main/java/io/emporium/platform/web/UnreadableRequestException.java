package io.emporium.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/** A request that cannot even be decoded (e.g. its query is not UTF-8): 400 malformed-request. */
final class UnreadableRequestException extends ProblemException {

  private final FieldViolation violation;

  UnreadableRequestException(String field, String message) {
    super(ProblemType.MALFORMED_REQUEST, field + ": " + message);
    this.violation = new FieldViolation(field, message, null);
  }

  Problem problem() {
    return new Problem(type(), detail(), List.of(violation), Map.of(), HttpHeaders.EMPTY);
  }
}
