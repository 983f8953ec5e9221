package io.emporium.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas (2020-12) of the envelope and of every event's data, shipped in this jar under
 * {@code schemas/}. Each schema's {@code $id} is its {@link #schemaUri(String)}; the prefix maps to
 * the classpath so {@code $ref}s between schemas resolve offline.
 */
public final class EventSchemas {

  public static final String BASE_URI = "https://schemas.emporium.io/events/";
  public static final String ENVELOPE_URI = BASE_URI + "envelope.json";

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder -> builder.schemaMappers(m -> m.mapPrefix(BASE_URI, "classpath:schemas/")));

  private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

  private EventSchemas() {}

  /**
   * {@code order.OrderPlaced.v1} → {@code
   * https://schemas.emporium.io/events/order/OrderPlaced.v1.json}.
   */
  public static String schemaUri(String type) {
    return BASE_URI + EventTypes.producerOf(type) + "/" + EventTypes.nameOf(type) + ".json";
  }

  /** The messages of every violation of the envelope schema and of the type's data schema. */
  public static List<String> violations(String type, JsonNode envelope) {
    var envelopeErrors = validate(ENVELOPE_URI, envelope);
    if (!envelopeErrors.isEmpty()) {
      return envelopeErrors;
    }
    return validate(schemaUri(type), envelope.path("data"));
  }

  static List<String> validate(String schemaUri, JsonNode node) {
    JsonSchema schema =
        CACHE.computeIfAbsent(schemaUri, uri -> FACTORY.getSchema(SchemaLocation.of(uri)));
    return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
