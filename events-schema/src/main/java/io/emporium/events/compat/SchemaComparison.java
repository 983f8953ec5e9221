package io.emporium.events.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One walk over a released schema and its current version, collecting breaking changes. */
final class SchemaComparison {

  /** Keywords whose value must not change: each changes what a value may be. */
  private static final List<String> FIXED = List.of("$ref", "type", "format", "enum", "const");

  private final String name;
  private final List<String> changes;

  SchemaComparison(String name, List<String> changes) {
    this.name = name;
    this.changes = changes;
  }

  void compare(String at, JsonNode released, JsonNode current) {
    for (String keyword : FIXED) {
      JsonNode was = released.get(keyword);
      JsonNode now = current.get(keyword);
      if (!Objects.equals(was, now)) {
        report(at, "'" + keyword + "' changed from " + show(was) + " to " + show(now));
      }
    }
    compareProperties(at, released, current);
    compareRequired(at, released, current);
    compareChild(at, "items", released, current);
    compareDefinitions(at, released, current);
  }

  private void compareProperties(String at, JsonNode released, JsonNode current) {
    compareMembers(at, "properties", "property '%s' removed (or renamed)", released, current);
  }

  private void compareRequired(String at, JsonNode released, JsonNode current) {
    Set<String> was = names(released.path("required"));
    Set<String> now = names(current.path("required"));
    for (String field : now) {
      if (was.contains(field)) {
        continue;
      }
      if (released.path("properties").has(field)) {
        report(at, "optional property '" + field + "' made required");
      } else {
        report(at, "new property '" + field + "' is required (a new property must be optional)");
      }
    }
    for (String field : was) {
      if (!now.contains(field) && current.path("properties").has(field)) {
        report(at, "required property '" + field + "' made optional (consumers rely on it)");
      }
    }
  }

  private void compareChild(String at, String keyword, JsonNode released, JsonNode current) {
    if (!released.has(keyword)) {
      return;
    }
    if (current.has(keyword)) {
      compare(at + "/" + keyword, released.get(keyword), current.get(keyword));
    } else {
      report(at, "'" + keyword + "' removed");
    }
  }

  private void compareDefinitions(String at, JsonNode released, JsonNode current) {
    compareMembers(at, "$defs", "definition '%s' removed", released, current);
  }

  /** Each named member (property, definition) of the release must still be there, compatible. */
  private void compareMembers(
      String at, String keyword, String removed, JsonNode released, JsonNode current) {
    JsonNode now = current.path(keyword);
    for (var member : released.path(keyword).properties()) {
      String name = member.getKey();
      String path = at + "/" + keyword + "/" + name;
      if (now.has(name)) {
        compare(path, member.getValue(), now.get(name));
      } else {
        report(path, removed.formatted(name));
      }
    }
  }

  private void report(String at, String change) {
    changes.add(name + at + ": " + change);
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new LinkedHashSet<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static String show(JsonNode value) {
    return value == null ? "(none)" : value.toString();
  }
}
