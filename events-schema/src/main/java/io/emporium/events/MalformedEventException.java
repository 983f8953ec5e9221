package io.emporium.events;

/**
 * A message that can never be handled: not JSON, an unknown type, or data that breaks its schema.
 * Consumers let it propagate so the message is never acknowledged and reaches the DLQ.
 */
public class MalformedEventException extends RuntimeException {

  private final String eventId;

  public MalformedEventException(String eventId, String reason) {
    super(reason);
    this.eventId = eventId;
  }

  public MalformedEventException(String eventId, String reason, Throwable cause) {
    super(reason, cause);
    this.eventId = eventId;
  }

  /** The envelope's id when it could be read, else {@code "unknown"}. */
  public String eventId() {
    return eventId;
  }
}
