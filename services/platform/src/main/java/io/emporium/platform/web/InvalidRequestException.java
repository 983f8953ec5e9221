package io.emporium.platform.web;

import java.util.List;

/**
 * Input a service checks itself (a query parameter, a header) is invalid: a 400 validation problem
 * naming each field in {@code errors[]}, the same shape as bean-validation failures.
 */
public class InvalidRequestException extends ProblemException {

  private final List<FieldViolation> violations;

  public InvalidRequestException(List<FieldViolation> violations) {
    super(ProblemType.VALIDATION_FAILED, Problem.invalid(violations).detail());
    this.violations = List.copyOf(violations);
  }

  public InvalidRequestException(String field, String message, Object rejectedValue) {
    this(List.of(new FieldViolation(field, message, FieldViolation.echoable(rejectedValue))));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
