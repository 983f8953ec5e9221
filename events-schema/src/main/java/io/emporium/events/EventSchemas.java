package io.emporium.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.PatternFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
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

  /**
   * {@code format: email} is an RFC 5321 mailbox by its syntax: one {@code @}, no spaces or control
   * characters. The library's default also demands a top-level domain it knows, which refuses
   * addresses the identity provider accepted ({@code shopper@emporium.local}) and so would poison a
   * checkout.
   */
  private static final Format EMAIL =
      PatternFormat.of("email", "^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+$", "format.email");

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder
                  .metaSchema(
                      JsonMetaSchema.builder(JsonMetaSchema.getV202012()).format(EMAIL).build())
                  .schemaMappers(m -> m.mapPrefix(BASE_URI, "classpath:schemas/")));

  /**
   * {@code format} (uuid, date-time, email, uri) is asserted, not only annotated; messages name the
   * field by JSON path ({@code $.total.currency}) in English.
   */
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .formatAssertionsEnabled(true)
          .pathType(PathType.JSON_PATH)
          .locale(Locale.ENGLISH)
          .build();

  private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventSchemas() {}

  /**
   * {@code order.OrderPlaced.v1} → {@code
   * https://schemas.emporium.io/events/order/OrderPlaced.v1.json}.
   */
  public static String schemaUri(String type) {
    return BASE_URI + EventTypes.producerOf(type) + "/" + EventTypes.nameOf(type) + ".json";
  }

  /**
   * The schema document whose {@code $id} is {@code uri} (without fragment), as shipped in this
   * jar: {@code https://schemas.emporium.io/events/common.json} → {@code schemas/common.json}.
   */
  public static JsonNode document(String uri) {
    if (!uri.startsWith(BASE_URI)) {
      throw new IllegalArgumentException("not an Emporium schema: " + uri);
    }
    String resource = "schemas/" + uri.substring(BASE_URI.length());
    try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema " + resource + " on the classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The messages of every violation of the envelope schema and of the type's data schema, each
   * naming the offending field by its path in the envelope, e.g. {@code $.data.total.currency}.
   */
  public static List<String> violations(String type, JsonNode envelope) {
    var envelopeErrors = validate(ENVELOPE_URI, envelope, "$");
    if (!envelopeErrors.isEmpty()) {
      return envelopeErrors;
    }
    return validate(schemaUri(type), envelope.path("data"), "$.data");
  }

  static List<String> validate(String schemaUri, JsonNode node, String root) {
    JsonSchema schema =
        CACHE.computeIfAbsent(schemaUri, uri -> FACTORY.getSchema(SchemaLocation.of(uri), CONFIG));
    return schema.validate(node).stream().map(m -> describe(m, root)).sorted().toList();
  }

  private static String describe(ValidationMessage message, String root) {
    String text = message.getMessage();
    return text.startsWith("$") ? root + text.substring(1) : text;
  }
}
