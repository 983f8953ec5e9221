package io.emporium.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readable details for JSON the strict parser refuses: duplicates, trailing content, limits. */
final class JsonSyntax {

  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.{1,100})'");

  private JsonSyntax() {}

  /** A field given twice: named, since the client may not see it in a long body. */
  static Optional<Problem> problem(JsonParseException error) {
    Matcher duplicate = DUPLICATE.matcher(String.valueOf(error.getOriginalMessage()));
    if (!duplicate.find() || TextRules.violation(duplicate.group(1), TextRules.Kind.LINE) != null) {
      return Optional.empty();
    }
    String field = duplicate.group(1);
    var violation = new FieldViolation(field, "appears more than once", null);
    return Optional.of(
        Problem.invalid(List.of(violation))
            .withType(ProblemType.MALFORMED_REQUEST)
            .withDetail("Request body has the field '" + field + "' more than once"));
  }

  static Optional<String> trailing(JsonProcessingException error) {
    return String.valueOf(error.getOriginalMessage()).startsWith("Trailing token")
        ? Optional.of("Request body has content after its JSON value")
        : Optional.empty();
  }

  static String overLimit(StreamConstraintsException error) {
    return String.valueOf(error.getOriginalMessage()).contains("nesting depth")
        ? "Request body is nested too deeply"
        : "Request body exceeds the JSON size limits";
  }
}
