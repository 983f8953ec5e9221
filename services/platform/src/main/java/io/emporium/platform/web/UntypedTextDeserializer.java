package io.emporium.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON bound to {@code Object} (e.g. the values of a {@code Map<String, Object>}): read as a tree,
 * every name checked as single-line text and every string as free text, then turned into maps,
 * lists, strings, numbers and booleans as Jackson does. A refusal names the nested field.
 */
final class UntypedTextDeserializer extends StdDeserializer<Object> {

  UntypedTextDeserializer() {
    super(Object.class);
  }

  @Override
  public Object deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
    JsonNode tree = ctxt.readTree(parser);
    return plain(tree, parser);
  }

  private static Object plain(JsonNode node, JsonParser parser) throws JsonMappingException {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        refuse(TextRules.violation(field.getKey(), TextRules.Kind.LINE), parser);
        try {
          map.put(field.getKey(), plain(field.getValue(), parser));
        } catch (JsonMappingException e) {
          e.prependPath(map, field.getKey());
          throw e;
        }
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        try {
          list.add(plain(element, parser));
        } catch (JsonMappingException e) {
          e.prependPath(list, list.size());
          throw e;
        }
      }
      return list;
    }
    if (node.isTextual()) {
      refuse(TextRules.violation(node.textValue(), TextRules.Kind.FREE), parser);
      return node.textValue();
    }
    return node.isNumber() ? node.numberValue() : scalar(node);
  }

  private static Object scalar(JsonNode node) {
    return node.isBoolean() ? node.booleanValue() : null;
  }

  private static void refuse(String violation, JsonParser parser) throws JsonMappingException {
    if (violation != null) {
      throw JsonMappingException.from(parser, violation, new TextRejectedException(violation));
    }
  }
}
