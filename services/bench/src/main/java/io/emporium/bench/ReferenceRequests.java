package io.emporium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emporium.bench.proxy.AwsCall;
import io.emporium.bench.proxy.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference shop's DynamoDB requests for the same carts, built from the cart's own captured
 * GetItem: its add reads the item and writes it whole (PutItem); its read queries a GSI on the
 * customer id, which moto answers by scanning the whole table (a Scan with the same filter).
 */
final class ReferenceRequests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceRequests() {}

  /** True when the GetItem answered an item. */
  static boolean foundItem(Exchange get) {
    return get.response().length > 0 && read(get.response()).has("Item");
  }

  /** A PutItem of the item the GetItem answered. */
  static Exchange putOf(Exchange get) {
    JsonNode request = read(get.request());
    ObjectNode put = JSON.createObjectNode();
    put.put("TableName", request.get("TableName").asText());
    put.set("Item", read(get.response()).get("Item"));
    return as(get, "PutItem", put);
  }

  /** A Scan of the whole table for the item's customer id. */
  static Exchange scanOf(Exchange get) {
    JsonNode request = read(get.request());
    JsonNode item = read(get.response()).get("Item");
    ObjectNode scan = JSON.createObjectNode();
    scan.put("TableName", request.get("TableName").asText());
    scan.put("FilterExpression", "#c = :c");
    scan.putObject("ExpressionAttributeNames").put("#c", "customerId");
    scan.putObject("ExpressionAttributeValues").set(":c", item.get("customerId"));
    return as(get, "Scan", scan);
  }

  private static Exchange as(Exchange template, String operation, JsonNode body) {
    Map<String, String> headers = new HashMap<>(template.headers());
    headers.put("X-Amz-Target", "DynamoDB_20120810." + operation);
    try {
      return new Exchange(
          new AwsCall(template.call().client(), "dynamodb:" + operation),
          template.path(),
          headers,
          JSON.writeValueAsBytes(body),
          200,
          new byte[0],
          template.arrivedNanos());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
