package io.emporium.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Every field of an answer is always present (the services write null rather than leave a field
 * out), so every property of a schema that answers use is {@code required}; those that may be null
 * say {@code nullable} ({@link NullableProperties}). Schemas only requests use keep what their
 * validation says: an optional request field may be absent.
 */
final class AnswerFieldsRequired implements GlobalOpenApiCustomizer {

  private static final String PREFIX = "#/components/schemas/";

  @Override
  @SuppressWarnings("rawtypes")
  public void customise(OpenAPI openApi) {
    if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    for (String name : answerSchemas(openApi, schemas)) {
      Schema schema = schemas.get(name);
      if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
        schema.setRequired(new ArrayList<String>(schema.getProperties().keySet()));
      }
    }
  }

  /** The names of the schemas answers use, directly or inside another one. */
  @SuppressWarnings("rawtypes")
  private static Set<String> answerSchemas(OpenAPI openApi, Map<String, Schema> schemas) {
    Deque<Schema> pending = new ArrayDeque<>();
    if (openApi.getPaths() != null) {
      openApi
          .getPaths()
          .values()
          .forEach(
              path ->
                  path.readOperations().stream()
                      .filter(operation -> operation.getResponses() != null)
                      .flatMap(operation -> operation.getResponses().values().stream())
                      .map(ApiResponse::getContent)
                      .filter(Objects::nonNull)
                      .map(Content::values)
                      .flatMap(Collection::stream)
                      .map(MediaType::getSchema)
                      .filter(Objects::nonNull)
                      .forEach(pending::add));
    }
    Set<String> found = new HashSet<>();
    while (!pending.isEmpty()) {
      for (Schema child : children(pending.pop())) {
        String ref = child.get$ref();
        if (ref != null && ref.startsWith(PREFIX)) {
          String name = ref.substring(PREFIX.length());
          if (found.add(name) && schemas.containsKey(name)) {
            pending.add(schemas.get(name));
          }
        } else {
          pending.add(child);
        }
      }
    }
    return found;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Schema> children(Schema schema) {
    List<Schema> children = new ArrayList<>();
    if (schema.get$ref() != null) {
      children.add(new Schema<>().$ref(schema.get$ref()));
      return children;
    }
    if (schema.getProperties() != null) {
      children.addAll(((Map<String, Schema>) schema.getProperties()).values());
    }
    if (schema.getItems() != null) {
      children.add(schema.getItems());
    }
    if (schema.getAdditionalProperties() instanceof Schema additional) {
      children.add(additional);
    }
    for (List<Schema> composed :
        new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
      if (composed != null) {
        children.addAll(composed);
      }
    }
    return children;
  }
}
