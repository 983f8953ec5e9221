package io.emporium.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Renders a Jackson reference path the way a client writes it: {@code lines[0].quantity}. */
final class JsonPaths {

  private JsonPaths() {}

  static String of(List<Reference> path) {
    StringBuilder field = new StringBuilder();
    for (Reference reference : path) {
      if (reference.getFieldName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }
}
