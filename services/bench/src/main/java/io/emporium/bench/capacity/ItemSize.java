package io.emporium.bench.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The size DynamoDB bills an item by, from its wire JSON ({@code {"name": {"S": "..."}, ...}}), by
 * the rules of the developer guide: a name counts its UTF-8 bytes; S and B their bytes; N one byte
 * per two significant digits plus one; BOOL and NULL one byte; M and L three bytes plus each
 * element and one byte per element; sets the sum of their elements.
 */
public final class ItemSize {

  private ItemSize() {}

  /** The item's size in bytes. */
  public static long of(JsonNode item) {
    long size = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      size += utf8(attribute.getKey()) + value(attribute.getValue());
    }
    return size;
  }

  static long value(JsonNode typed) {
    Map.Entry<String, JsonNode> only = typed.fields().next();
    JsonNode v = only.getValue();
    return switch (only.getKey()) {
      case "S" -> utf8(v.asText());
      case "N" -> number(v.asText());
      case "B" -> (long) Math.ceil(v.asText().length() * 3 / 4.0);
      case "BOOL", "NULL" -> 1;
      case "M" -> {
        long size = 3;
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> element = it.next();
          size += utf8(element.getKey()) + value(element.getValue()) + 1;
        }
        yield size;
      }
      case "L" -> {
        long size = 3;
        for (JsonNode element : v) {
          size += value(element) + 1;
        }
        yield size;
      }
      case "SS" -> sum(v, false);
      case "NS" -> sum(v, true);
      case "BS" -> {
        long size = 0;
        for (JsonNode element : v) {
          size += (long) Math.ceil(element.asText().length() * 3 / 4.0);
        }
        yield size;
      }
      default -> throw new IllegalArgumentException("unknown DynamoDB type " + only.getKey());
    };
  }

  /** A number: one byte per two significant digits, plus one. */
  static long number(String text) {
    BigDecimal n = new BigDecimal(text).stripTrailingZeros();
    String digits = n.unscaledValue().abs().toString().replaceFirst("^0+", "");
    return (long) Math.ceil(Math.max(digits.length(), 1) / 2.0) + 1;
  }

  private static long sum(JsonNode set, boolean numbers) {
    long size = 0;
    for (JsonNode element : set) {
      size += numbers ? number(element.asText()) : utf8(element.asText());
    }
    return size;
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
