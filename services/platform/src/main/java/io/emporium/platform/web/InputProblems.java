package io.emporium.platform.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.codec.DecodingException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

/** Turns unreadable input (bad JSON, wrong types, missing values) into 400 problems. */
final class InputProblems {

  /** Spring's reason for an empty body where {@code @RequestBody} is required. */
  private static final String NO_BODY = "No request body";

  private InputProblems() {}

  static Problem of(ServerWebInputException error) {
    if (error instanceof MissingRequestValueException missing) {
      String field = missing.getName();
      return Problem.invalid(List.of(new FieldViolation(field, "is required", null)))
          .withDetail("Required " + missing.getLabel() + " '" + field + "' is missing");
    }
    StreamConstraintsException limits = Causes.find(error, StreamConstraintsException.class);
    if (limits != null) {
      return Problem.of(ProblemType.MALFORMED_REQUEST, JsonSyntax.overLimit(limits));
    }
    JsonParseException syntax = Causes.find(error, JsonParseException.class);
    if (syntax != null) {
      return JsonSyntax.problem(syntax)
          .orElseGet(() -> Problem.of(ProblemType.MALFORMED_REQUEST, unreadable(syntax)));
    }
    JsonProcessingException json = Causes.find(error, JsonProcessingException.class);
    if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return Problem.invalid(List.of(violation(mapping)));
    }
    if (json != null) {
      return Problem.of(
          ProblemType.MALFORMED_REQUEST,
          JsonSyntax.trailing(json).orElseGet(() -> unreadable(json)));
    }
    TypeMismatchException mismatch = Causes.find(error, TypeMismatchException.class);
    if (mismatch != null) {
      return Problem.invalid(List.of(violation(error, mismatch)));
    }
    return Problem.of(ProblemType.MALFORMED_REQUEST, otherDetail(error));
  }

  private static FieldViolation violation(JsonMappingException error) {
    String field = JsonPaths.of(error.getPath());
    TextRejectedException text = Causes.find(error, TextRejectedException.class);
    if (text != null) {
      return new FieldViolation(field, text.reason(), null);
    }
    InputCoercionException range = Causes.find(error, InputCoercionException.class);
    if (range != null) {
      return new FieldViolation(
          field, "out of range for " + ExpectedTypes.describe(range.getTargetType()), null);
    }
    return switch (error) {
      case UnrecognizedPropertyException unknown ->
          new FieldViolation(field, "unknown field", null);
      case InvalidNullException nul -> new FieldViolation(field, "must not be null", null);
      case InvalidFormatException format ->
          new FieldViolation(
              field,
              "expected " + ExpectedTypes.describe(format.getTargetType()),
              FieldViolation.echoable(format.getValue()));
      case MismatchedInputException mismatch ->
          new FieldViolation(
              field, "expected " + ExpectedTypes.describe(mismatch.getTargetType()), null);
      default -> new FieldViolation(field, "invalid value", null);
    };
  }

  private static FieldViolation violation(
      ServerWebInputException error, TypeMismatchException mismatch) {
    TextRejectedException text = Causes.find(mismatch, TextRejectedException.class);
    if (text != null) {
      return new FieldViolation(ParameterNames.of(error.getMethodParameter()), text.reason(), null);
    }
    return new FieldViolation(
        ParameterNames.of(error.getMethodParameter()),
        "expected " + ExpectedTypes.describe(mismatch.getRequiredType()),
        FieldViolation.echoable(mismatch.getValue()));
  }

  private static String unreadable(JsonProcessingException error) {
    if (error instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "Request body must be " + ExpectedTypes.describe(mismatch.getTargetType());
    }
    JsonLocation location = error.getLocation();
    if (location == null || location.getLineNr() < 1) {
      return "Request body is not valid JSON";
    }
    return "Request body is not valid JSON (line %d, column %d)"
        .formatted(location.getLineNr(), location.getColumnNr());
  }

  private static String otherDetail(ServerWebInputException error) {
    boolean body =
        error.getMethodParameter() != null
            && error.getMethodParameter().hasParameterAnnotation(RequestBody.class);
    if (body && NO_BODY.equals(error.getReason())) {
      return "Request body is required";
    }
    if (body || Causes.find(error, DecodingException.class) != null) {
      return "Request body could not be read";
    }
    return error.getReason();
  }
}
