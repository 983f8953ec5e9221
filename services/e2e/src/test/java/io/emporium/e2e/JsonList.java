package io.emporium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The elements of a JSON array (none when absent). */
final class JsonList {

  private JsonList() {}

  static List<JsonNode> of(JsonNode array) {
    List<JsonNode> elements = new ArrayList<>();
    if (array != null) {
      array.forEach(elements::add);
    }
    return elements;
  }
}
