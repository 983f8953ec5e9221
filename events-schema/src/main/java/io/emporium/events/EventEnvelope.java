package io.emporium.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents-style envelope every event travels in.
 *
 * @param id UUID v7, unique per event; consumers record it for idempotency
 * @param type wire type, {@code <producer>.<EventName>.v<major>}
 * @param source the producing service, {@code /emporium/<producer>}
 * @param subject the aggregate id
 * @param dataschema where the data's JSON Schema lives
 */
public record EventEnvelope(
    String specversion,
    UUID id,
    String type,
    String source,
    Instant time,
    String subject,
    String datacontenttype,
    String dataschema,
    DomainEvent data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String CONTENT_TYPE = "application/json";

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }

  /** Wraps a new event with a fresh id and the current time. */
  public static EventEnvelope of(DomainEvent event) {
    String type = EventTypes.all().typeOf(event);
    String producer = EventTypes.producerOf(type);
    return new EventEnvelope(
        SPEC_VERSION,
        EventIds.next(),
        type,
        "/emporium/" + producer,
        Instant.now(),
        event.subject(),
        CONTENT_TYPE,
        EventSchemas.schemaUri(type),
        event);
  }

  /**
   * The same envelope (id, type, subject, data) stamped with another {@code time}: e.g. an event
   * written long ago and delivered only now.
   */
  public EventEnvelope withTime(Instant time) {
    return new EventEnvelope(
        specversion, id, type, source, time, subject, datacontenttype, dataschema, data);
  }

  public <T extends DomainEvent> T dataAs(Class<T> recordClass) {
    return recordClass.cast(data);
  }
}
