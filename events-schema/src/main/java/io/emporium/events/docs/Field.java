package io.emporium.events.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One property of an object schema, as a row of a field table. */
record Field(String name, String type, boolean required, String description) {

  static List<Field> of(JsonNode objectSchema) {
    Set<String> required = new HashSet<>();
    objectSchema.path("required").forEach(n -> required.add(n.asText()));
    List<Field> fields = new ArrayList<>();
    objectSchema
        .path("properties")
        .properties()
        .forEach(
            p ->
                fields.add(
                    new Field(
                        p.getKey(),
                        typeOf(p.getValue()),
                        required.contains(p.getKey()),
                        p.getValue().path("description").asText())));
    return fields;
  }

  /** {@code Money}, {@code LineItem[]}, {@code integer ≥ 0}, {@code string (uuid)}, ... */
  static String typeOf(JsonNode schema) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    if (schema.has("const")) {
      return "`" + schema.get("const").asText() + "`";
    }
    if (schema.has("enum")) {
      return "one of "
          + schema
              .get("enum")
              .valueStream()
              .map(v -> "`" + v.asText() + "`")
              .collect(Collectors.joining(", "));
    }
    String type = schema.path("type").asText("any");
    if ("array".equals(type)) {
      String items = typeOf(schema.path("items")) + "[]";
      return schema.has("minItems") ? items + " (≥ " + schema.get("minItems") + ")" : items;
    }
    return type + constraints(schema);
  }

  /** The pattern of single-line text: no control characters (said in words, not as a regex). */
  static final String SINGLE_LINE = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";

  private static String constraints(JsonNode schema) {
    List<String> constraints = new ArrayList<>();
    if (schema.has("format")) {
      constraints.add(schema.get("format").asText());
    }
    String pattern = schema.path("pattern").asText(null);
    if (SINGLE_LINE.equals(pattern)) {
      constraints.add("single line");
    } else if (pattern != null) {
      constraints.add("`" + pattern + "`");
    }
    if (schema.has("minimum")) {
      constraints.add("≥ " + schema.get("minimum"));
    }
    if (schema.has("maximum")) {
      constraints.add("≤ " + schema.get("maximum"));
    }
    if (schema.path("minLength").asInt() == 1) {
      constraints.add("non-empty");
    }
    if (schema.has("maxLength")) {
      constraints.add("≤ " + schema.get("maxLength") + " chars");
    }
    return constraints.isEmpty() ? "" : " (" + String.join(", ", constraints) + ")";
  }
}
