package io.emporium.platform.web;

import io.emporium.events.InvalidEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * A request whose effect would be an event its consumers reject (the producer validates on the way
 * out): 422, naming the event's fields, and nothing is stored. The request passed the API's own
 * validation, so the API is missing a rule: this is also logged as a warning.
 */
final class EventProblems {

  static final ProblemType EVENT_REJECTED =
      new ProblemType("event-rejected", 422, "Request cannot be processed");

  private static final Pattern VIOLATION = Pattern.compile("^\\$\\.data\\.([^:]+): (.+)$");

  private EventProblems() {}

  static Problem of(InvalidEventException error) {
    List<FieldViolation> fields = new ArrayList<>();
    for (String violation : error.violations()) {
      Matcher matcher = VIOLATION.matcher(violation);
      if (matcher.matches()) {
        fields.add(new FieldViolation(matcher.group(1), matcher.group(2), null));
      }
    }
    String detail =
        fields.isEmpty()
            ? "The request cannot be processed: the shop could not record it"
            : "The request cannot be processed: "
                + fields.getFirst().field()
                + " "
                + fields.getFirst().message();
    return new Problem(EVENT_REJECTED, detail, fields, Map.of(), HttpHeaders.EMPTY);
  }
}
