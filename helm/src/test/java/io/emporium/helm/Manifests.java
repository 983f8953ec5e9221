package io.emporium.helm;

import java.util.List;
import java.util.Map;

/** Navigation in parsed manifests (maps and lists from YAML). */
final class Manifests {

  private Manifests() {}

  static List<Map<String, Object>> ofKind(List<Map<String, Object>> manifests, String kind) {
    return manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
  }

  static Map<String, Object> only(List<Map<String, Object>> manifests, String kind) {
    List<Map<String, Object>> found = ofKind(manifests, kind);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + ", found " + found.size());
    }
    return found.get(0);
  }

  /** The value at a dotted path; a number in the path indexes a list. Null when absent. */
  static Object at(Object node, String path) {
    Object current = node;
    for (String step : path.split("\\.")) {
      if (current instanceof Map<?, ?> map) {
        current = map.get(step);
      } else if (current instanceof List<?> list && step.matches("\\d+")) {
        int index = Integer.parseInt(step);
        current = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String path) {
    return (Map<String, Object>) at(node, path);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object node, String path) {
    Object value = at(node, path);
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  static String string(Object node, String path) {
    Object value = at(node, path);
    return value == null ? null : value.toString();
  }
}
