package io.emporium.events;

import java.util.List;

/**
 * An event its producer must not send: it breaks the schema its consumers decode with (a field too
 * long, a control character, an email their validator refuses). Thrown by {@link
 * EventCodec#encode}, so the request or handler that made the event fails instead of the saga.
 */
public class InvalidEventException extends IllegalArgumentException {

  private final String type;
  private final List<String> violations;

  public InvalidEventException(String type, List<String> violations) {
    super(type + " violates its schema: " + violations);
    this.type = type;
    this.violations = List.copyOf(violations);
  }

  /** The wire type, e.g. {@code cart.CartCheckedOut.v1}. */
  public String type() {
    return type;
  }

  /** Each violation naming its field by path, e.g. {@code $.data.customer.email: ...}. */
  public List<String> violations() {
    return violations;
  }
}
