package io.emporium.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Envelopes to and from JSON, both validated against the same JSON Schemas. Encoding refuses an
 * event that breaks them ({@link InvalidEventException}): a producer never sends what its consumers
 * would reject forever. Decoding maps the data to the record registered for the type; anything that
 * fails is a {@link MalformedEventException}. Unknown fields are ignored (tolerant reader), so
 * adding an optional field never breaks a consumer.
 */
public final class EventCodec {

  private static final String UNKNOWN_ID = "unknown";

  private final ObjectMapper mapper;
  private final EventTypes types;

  public EventCodec() {
    this(EventTypes.all());
  }

  public EventCodec(EventTypes types) {
    this.types = types;
    this.mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // an absent optional field is left out, never written as null (the schemas say string)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(Include.NON_NULL, Include.NON_NULL))
            .build();
  }

  /**
   * The envelope as JSON, after checking it against the envelope's and the type's schema.
   *
   * @throws InvalidEventException when a consumer would reject it
   */
  public String encode(EventEnvelope envelope) {
    JsonNode tree = mapper.valueToTree(envelope);
    List<String> violations = EventSchemas.violations(envelope.type(), tree);
    if (!violations.isEmpty()) {
      throw new InvalidEventException(envelope.type(), violations);
    }
    try {
      return mapper.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode event " + envelope.id(), e);
    }
  }

  public EventEnvelope decode(String json) {
    JsonNode node = parse(json);
    String id = node.path("id").asText(UNKNOWN_ID);
    String type = node.path("type").asText("");
    Class<? extends DomainEvent> recordClass =
        types
            .recordFor(type)
            .orElseThrow(
                () -> new MalformedEventException(id, "unknown event type '" + type + "'"));
    List<String> violations = EventSchemas.violations(type, node);
    if (!violations.isEmpty()) {
      throw new MalformedEventException(id, type + " violates its schema: " + violations);
    }
    try {
      return new EventEnvelope(
          node.path("specversion").asText(EventEnvelope.SPEC_VERSION),
          UUID.fromString(id),
          type,
          node.path("source").asText(),
          Instant.parse(node.path("time").asText()),
          node.path("subject").asText(null),
          node.path("datacontenttype").asText(EventEnvelope.CONTENT_TYPE),
          node.path("dataschema").asText(null),
          mapper.treeToValue(node.path("data"), recordClass));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new MalformedEventException(id, type + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The codec's mapper, for callers that need the same JSON conventions. */
  public ObjectMapper mapper() {
    return mapper;
  }

  private JsonNode parse(String json) {
    try {
      JsonNode node = mapper.readTree(json);
      if (node == null || !node.isObject()) {
        throw new MalformedEventException(UNKNOWN_ID, "message body is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(
          UNKNOWN_ID, "message body is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
