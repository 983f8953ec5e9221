package io.emporium.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The paths of an instance's fields that its schema does not declare, following {@code $ref}s
 * across schema documents. The schemas stay open (tolerant reader: no {@code
 * additionalProperties:false}), so this is how the fixtures are kept to the contract.
 */
final class DeclaredProperties {

  private DeclaredProperties() {}

  static List<String> undeclared(String schemaUri, JsonNode instance, String path) {
    List<String> found = new ArrayList<>();
    walk(URI.create(schemaUri), EventSchemas.document(schemaUri), instance, path, found);
    return found;
  }

  private static void walk(
      URI base, JsonNode schema, JsonNode instance, String path, List<String> found) {
    if (schema.has("$ref")) {
      URI target = base.resolve(schema.get("$ref").asText());
      URI document = URI.create(target.toString().replaceFirst("#.*$", ""));
      JsonNode definition = EventSchemas.document(document.toString()).at(target.getFragment());
      walk(document, definition, instance, path, found);
    } else if (instance.isObject()) {
      JsonNode properties = schema.path("properties");
      instance
          .properties()
          .forEach(
              field -> {
                String at = path + "." + field.getKey();
                if (properties.has(field.getKey())) {
                  walk(base, properties.get(field.getKey()), field.getValue(), at, found);
                } else {
                  found.add(at);
                }
              });
    } else if (instance.isArray()) {
      for (int i = 0; i < instance.size(); i++) {
        walk(base, schema.path("items"), instance.get(i), path + "[" + i + "]", found);
      }
    }
  }
}
