package io.emporium.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/** Turns Bean Validation failures into a 400 problem whose {@code errors} name every field. */
final class ValidationProblems {

  private static final Comparator<FieldViolation> BY_FIELD =
      Comparator.comparing(FieldViolation::field)
          .thenComparing(FieldViolation::message, Comparator.nullsFirst(Comparator.naturalOrder()));

  private ValidationProblems() {}

  /** {@code @Valid @RequestBody} (WebExchangeBindException) and {@code @ModelAttribute}. */
  static Problem of(Errors errors) {
    List<FieldViolation> violations = new ArrayList<>();
    addAll(violations, errors);
    return sorted(violations);
  }

  /** Spring 6.1 built-in method validation of {@code @RequestParam}, {@code @PathVariable}... */
  static Problem of(HandlerMethodValidationException error) {
    List<FieldViolation> violations = new ArrayList<>();
    for (ParameterValidationResult result : error.getParameterValidationResults()) {
      if (result instanceof ParameterErrors errors) {
        addAll(violations, errors);
        continue;
      }
      String field = ParameterNames.of(result.getMethodParameter()) + index(result);
      Object rejected = FieldViolation.echoable(result.getArgument());
      for (MessageSourceResolvable resolvable : result.getResolvableErrors()) {
        violations.add(new FieldViolation(field, resolvable.getDefaultMessage(), rejected));
      }
    }
    for (MessageSourceResolvable crossParameter : error.getCrossParameterValidationResults()) {
      violations.add(new FieldViolation("request", crossParameter.getDefaultMessage(), null));
    }
    return sorted(violations);
  }

  /** Method validation through {@code @Validated} proxies. */
  static Problem of(ConstraintViolationException error) {
    List<FieldViolation> violations = new ArrayList<>();
    for (ConstraintViolation<?> violation : error.getConstraintViolations()) {
      violations.add(
          new FieldViolation(
              field(violation.getPropertyPath()),
              violation.getMessage(),
              FieldViolation.echoable(violation.getInvalidValue())));
    }
    return sorted(violations);
  }

  private static void addAll(List<FieldViolation> violations, Errors errors) {
    for (FieldError error : errors.getFieldErrors()) {
      violations.add(
          new FieldViolation(
              error.getField(),
              error.getDefaultMessage(),
              FieldViolation.echoable(error.getRejectedValue())));
    }
    for (ObjectError error : errors.getGlobalErrors()) {
      violations.add(new FieldViolation(error.getObjectName(), error.getDefaultMessage(), null));
    }
  }

  private static String index(ParameterValidationResult result) {
    if (result.getContainerIndex() != null) {
      return "[" + result.getContainerIndex() + "]";
    }
    return result.getContainerKey() == null ? "" : "[" + result.getContainerKey() + "]";
  }

  private static String field(Path path) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null && !node.getName().isEmpty()) {
        field.append(field.isEmpty() ? "" : ".").append(node.getName());
      }
    }
    return field.isEmpty() ? path.toString() : field.toString();
  }

  private static Problem sorted(List<FieldViolation> violations) {
    violations.sort(BY_FIELD);
    return Problem.invalid(violations);
  }
}
