package io.emporium.bench.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The read and write capacity units DynamoDB would bill for requests, computed from item sizes (the
 * emulator reports a constant instead): reads per 4 KB (half when eventually consistent), writes
 * per 1 KB of the larger of the item before and after, a failed condition still one write of the
 * item's size, transactions twice. Item sizes a request does not show (an UpdateItem that returns
 * nothing, a delete) come from the last size seen for that key in the same session.
 */
public final class CapacityUnits {

  /** Units of one request. */
  public record Units(double read, double write) {

    public Units plus(Units other) {
      return new Units(read + other.read, write + other.write);
    }

    public static final Units NONE = new Units(0, 0);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DEFAULT_SIZE = 100;

  private final Map<String, Long> lastSize = new HashMap<>();

  /** Units of {@code operation} ("UpdateItem") given its request and response bodies. */
  public Units of(String operation, byte[] request, int status, byte[] response) {
    JsonNode in = read(request);
    JsonNode out = read(response);
    boolean failedCondition =
        status == 400 && out.path("__type").asText().contains("ConditionalCheckFailed");
    if (status >= 300 && !failedCondition) {
      return Units.NONE;
    }
    String table = in.path("TableName").asText();
    return switch (operation) {
      case "GetItem" -> {
        long size = out.has("Item") ? remember(table, in.get("Key"), out.get("Item")) : 0;
        yield new Units(readUnits(size, in.path("ConsistentRead").asBoolean(false)), 0);
      }
      case "PutItem" -> {
        long after = ItemSize.of(in.get("Item"));
        long before = known(table, keyOf(in.get("Item")));
        lastSize.put(id(table, keyOf(in.get("Item"))), after);
        yield new Units(0, writeUnits(Math.max(before, after)));
      }
      case "UpdateItem" -> {
        long before = known(table, in.get("Key"));
        JsonNode item = failedCondition ? out.path("Item") : out.path("Attributes");
        long after = item.isMissingNode() || item.isEmpty() ? before : ItemSize.of(item);
        if (!failedCondition) {
          lastSize.put(id(table, in.get("Key")), after);
        }
        yield new Units(0, writeUnits(Math.max(before, after)));
      }
      case "DeleteItem" -> new Units(0, writeUnits(known(table, in.get("Key"))));
      case "Query", "Scan" -> {
        long size = 0;
        for (JsonNode item : out.path("Items")) {
          size += ItemSize.of(item);
        }
        yield new Units(readUnits(size, in.path("ConsistentRead").asBoolean(false)), 0);
      }
      case "BatchWriteItem" -> batchWrite(in);
      case "TransactWriteItems" -> transactWrite(in);
      default -> Units.NONE;
    };
  }

  private Units batchWrite(JsonNode in) {
    double write = 0;
    for (var tables = in.path("RequestItems").fields(); tables.hasNext(); ) {
      var table = tables.next();
      for (JsonNode request : table.getValue()) {
        if (request.has("PutRequest")) {
          JsonNode item = request.get("PutRequest").get("Item");
          lastSize.put(id(table.getKey(), keyOf(item)), ItemSize.of(item));
          write += writeUnits(ItemSize.of(item));
        } else {
          write += writeUnits(known(table.getKey(), request.path("DeleteRequest").get("Key")));
        }
      }
    }
    return new Units(0, write);
  }

  private Units transactWrite(JsonNode in) {
    double write = 0;
    for (JsonNode entry : in.path("TransactItems")) {
      if (entry.has("Put")) {
        JsonNode put = entry.get("Put");
        String table = put.path("TableName").asText();
        long size = ItemSize.of(put.get("Item"));
        lastSize.put(id(table, keyOf(put.get("Item"))), size);
        write += 2 * writeUnits(size);
      } else {
        JsonNode op =
            entry.has("Update")
                ? entry.get("Update")
                : entry.has("Delete") ? entry.get("Delete") : entry.path("ConditionCheck");
        write += 2 * writeUnits(known(op.path("TableName").asText(), op.get("Key")));
      }
    }
    return new Units(0, write);
  }

  private long remember(String table, JsonNode key, JsonNode item) {
    long size = ItemSize.of(item);
    lastSize.put(id(table, key), size);
    return size;
  }

  private long known(String table, JsonNode key) {
    return key == null ? DEFAULT_SIZE : lastSize.getOrDefault(id(table, key), 0L);
  }

  /** The key attributes of an item we recognise: pk, and sk when present. */
  private static JsonNode keyOf(JsonNode item) {
    var key = JSON.createObjectNode();
    for (String name : new String[] {"pk", "sk"}) {
      if (item.has(name)) {
        key.set(name, item.get(name));
      }
    }
    return key;
  }

  private static String id(String table, JsonNode key) {
    var fields = new java.util.TreeMap<String, String>();
    key.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().toString()));
    return table + fields;
  }

  static double readUnits(long size, boolean consistent) {
    double units = Math.max(1, Math.ceil(size / 4096.0));
    return consistent ? units : units / 2;
  }

  static double writeUnits(long size) {
    return Math.max(1, Math.ceil(size / 1024.0));
  }

  private static JsonNode read(byte[] body) {
    try {
      return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
