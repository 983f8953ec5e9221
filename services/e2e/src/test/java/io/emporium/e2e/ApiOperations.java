package io.emporium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations a service's OpenAPI document declares, each with a valid example request built
 * from the document: parameters and a JSON body whose fields get a known good value by name (a real
 * sku, the shopper's order) or else one their schema allows.
 */
final class ApiOperations {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ApiOperations() {}

  /** A parameter the operation reads from the path, the query or a header. */
  record Parameter(String name, String in, boolean required, JsonNode schema) {}

  /** One operation; {@code body} is a valid example (null when it takes none). */
  record Operation(
      String service,
      String method,
      String path,
      List<Parameter> parameters,
      JsonNode body,
      boolean streams) {

    boolean forAdmins() {
      return path.contains("/admin/");
    }

    String name() {
      return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }
  }

  static List<Operation> of(String service, JsonNode document, Map<String, String> known) {
    List<Operation> operations = new ArrayList<>();
    JsonNode schemas = document.at("/components/schemas");
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (METHODS.contains(op.getKey())) {
                            operations.add(
                                operation(
                                    service,
                                    path.getKey(),
                                    op.getKey(),
                                    op.getValue(),
                                    schemas,
                                    known));
                          }
                        }));
    return operations;
  }

  private static Operation operation(
      String service,
      String path,
      String method,
      JsonNode op,
      JsonNode schemas,
      Map<String, String> known) {
    List<Parameter> parameters = new ArrayList<>();
    op.path("parameters")
        .forEach(
            p -> {
              String in = p.path("in").asText();
              if (in.equals("path") || in.equals("query") || in.equals("header")) {
                parameters.add(
                    new Parameter(
                        p.path("name").asText(),
                        in,
                        p.path("required").asBoolean(),
                        resolve(p.path("schema"), schemas, 0)));
              }
            });
    JsonNode bodySchema = op.at("/requestBody/content/application~1json/schema");
    JsonNode body =
        bodySchema.isMissingNode() ? null : example("body", resolve(bodySchema, schemas, 0), known);
    boolean streams = op.at("/responses/200/content").has("text/event-stream");
    return new Operation(service, method, path, parameters, body, streams);
  }

  /** A valid value for a parameter, as text. */
  static String example(Parameter parameter, Map<String, String> known) {
    JsonNode value = example(parameter.name(), parameter.schema(), known);
    return value.isTextual() ? value.asText() : value.toString();
  }

  static JsonNode example(String name, JsonNode schema, Map<String, String> known) {
    if (known.containsKey(name)) {
      String value = known.get(name);
      return isNumeric(schema) ? NODES.numberNode(Long.parseLong(value)) : NODES.textNode(value);
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    return switch (type) {
      case "object" -> object(schema, known);
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        array.add(example(name, schema.path("items"), known));
        yield array;
      }
      case "integer", "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
      case "boolean" -> NODES.booleanNode(true);
      default ->
          NODES.textNode(
              schema.path("format").asText().equals("uuid")
                  ? "0190c1a2-0000-7000-8000-000000000001"
                  : "text");
    };
  }

  private static ObjectNode object(JsonNode schema, Map<String, String> known) {
    ObjectNode object = NODES.objectNode();
    schema
        .path("properties")
        .properties()
        .forEach(p -> object.set(p.getKey(), example(p.getKey(), p.getValue(), known)));
    return object;
  }

  private static boolean isNumeric(JsonNode schema) {
    String type = schema.path("type").asText();
    return type.equals("integer") || type.equals("number");
  }

  /** The schema with every {@code $ref} and {@code allOf} replaced by what it names. */
  static JsonNode resolve(JsonNode schema, JsonNode schemas, int depth) {
    if (depth > 12 || schema == null || schema.isMissingNode()) {
      return NODES.objectNode();
    }
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return resolve(schemas.path(name), schemas, depth + 1);
    }
    if (schema.has("allOf") && schema.get("allOf").size() == 1) {
      return resolve(schema.get("allOf").get(0), schemas, depth + 1);
    }
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode copy = ((ObjectNode) schema).deepCopy();
    if (schema.has("properties")) {
      ObjectNode properties = NODES.objectNode();
      schema
          .get("properties")
          .properties()
          .forEach(p -> properties.set(p.getKey(), resolve(p.getValue(), schemas, depth + 1)));
      copy.set("properties", properties);
    }
    if (schema.has("items")) {
      copy.set("items", resolve(schema.get("items"), schemas, depth + 1));
    }
    return copy;
  }

  static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
