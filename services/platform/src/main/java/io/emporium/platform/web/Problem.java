package io.emporium.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * What an exception means to the client, before it is rendered for a request. A {@code null} detail
 * lets the renderer choose one from the request.
 */
record Problem(
    ProblemType type,
    String detail,
    List<FieldViolation> errors,
    Map<String, Object> properties,
    HttpHeaders headers) {

  static Problem of(ProblemType type, String detail) {
    return new Problem(type, detail, List.of(), Map.of(), HttpHeaders.EMPTY);
  }

  static Problem invalid(List<FieldViolation> errors) {
    String detail =
        errors.isEmpty()
            ? "The request is invalid"
            : errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
    return new Problem(ProblemType.VALIDATION_FAILED, detail, errors, Map.of(), HttpHeaders.EMPTY);
  }

  Problem withType(ProblemType other) {
    return new Problem(other, detail, errors, properties, headers);
  }

  Problem withDetail(String text) {
    return new Problem(type, text, errors, properties, headers);
  }

  Problem withProperties(Map<String, Object> extra) {
    return new Problem(type, detail, errors, Map.copyOf(extra), headers);
  }

  Problem withHeaders(HttpHeaders extra) {
    return new Problem(type, detail, errors, properties, HttpHeaders.readOnlyHttpHeaders(extra));
  }

  boolean isServerError() {
    return type.status() >= 500;
  }
}
