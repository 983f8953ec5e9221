package io.emporium.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a problem's {@code errors} member: the field as the client wrote it (e.g. {@code
 * lines[0].quantity}), what is wrong with it, and the rejected value when it is a short scalar.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(String field, String message, Object rejectedValue) {

  private static final int MAX_ECHOED_LENGTH = 100;

  /** Keeps only values safe and short enough to echo: numbers, booleans, enums, short strings. */
  static Object echoable(Object value) {
    if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
      return value;
    }
    if (value instanceof CharSequence text && text.length() <= MAX_ECHOED_LENGTH) {
      return text.toString();
    }
    return null;
  }
}
