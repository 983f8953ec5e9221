package io.emporium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * One hostile variant of an operation's valid request: a parameter or a body field replaced by a
 * {@link HostileValues} sample, a required one left out, an extra field, a whole body that is not
 * the JSON asked for, a wrong content type, or no valid token. Which one, and its value, come from
 * the seeded random.
 */
final class FuzzMutation {

  enum Kind {
    NONE,
    PARAMETER,
    MISSING_PARAMETER,
    BODY_FIELD,
    MISSING_FIELD,
    EXTRA_FIELD,
    WHOLE_BODY,
    CONTENT_TYPE,
    NO_TOKEN,
    BAD_TOKEN
  }

  private FuzzMutation() {}

  /** The request to send and what it is (for the report). */
  record Variant(Kind kind, String what, RawHttp.Request request) {}

  static Variant of(
      ApiOperations.Operation operation, Map<String, String> known, String token, Random random) {
    Kind kind = HostileValues.sample(kinds(operation), random);
    Map<String, String> values = new LinkedHashMap<>();
    for (ApiOperations.Parameter p : operation.parameters()) {
      if (p.required() || p.in().equals("query") && random.nextBoolean()) {
        values.put(p.name(), encodeIfNeeded(p, ApiOperations.example(p, known)));
      }
    }
    String body = operation.body() == null ? null : operation.body().toString();
    byte[] bodyBytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    String contentType = body == null ? null : "application/json";
    String authorization = "Bearer " + token;
    String what = "";
    switch (kind) {
      case PARAMETER -> {
        ApiOperations.Parameter p = pick(operation.parameters(), random);
        String value =
            HostileValues.sample(
                p.in().equals("header") ? HostileValues.headerValue() : HostileValues.encodedText(),
                random);
        values.put(p.name(), value);
        what = p.in() + " " + p.name() + "=" + shorten(value);
      }
      case MISSING_PARAMETER -> {
        ApiOperations.Parameter p = pick(operation.parameters(), random);
        values.remove(p.name());
        what = "without " + p.in() + " " + p.name();
      }
      case BODY_FIELD, MISSING_FIELD, EXTRA_FIELD -> {
        ObjectNode tree = (ObjectNode) operation.body().deepCopy();
        List<String> pointers = new ArrayList<>();
        collect(tree, "", pointers);
        String pointer = pointers.isEmpty() ? "" : pick(pointers, random);
        String hostile = HostileValues.sample(HostileValues.jsonValue(), random);
        String text = rewrite(tree, pointer, kind, hostile);
        bodyBytes = text.getBytes(StandardCharsets.UTF_8);
        what = kind + " " + pointer + (kind == Kind.MISSING_FIELD ? "" : " = " + shorten(hostile));
      }
      case WHOLE_BODY -> {
        bodyBytes = HostileValues.sample(HostileValues.wholeBody(body), random);
        contentType = "application/json";
        what =
            "body of "
                + bodyBytes.length
                + " bytes: "
                + shorten(new String(bodyBytes, StandardCharsets.ISO_8859_1));
      }
      case CONTENT_TYPE -> {
        contentType =
            HostileValues.sample(
                Arbitraries.of(
                    "text/plain",
                    "application/xml",
                    "application/json; charset=UTF-16",
                    "application/json; charset=ISO-8859-1",
                    "multipart/form-data; boundary=x",
                    "*/*"),
                random);
        what = "Content-Type " + contentType;
      }
      case NO_TOKEN -> {
        authorization = null;
        what = "no token";
      }
      case BAD_TOKEN -> {
        authorization =
            HostileValues.sample(
                Arbitraries.of("Bearer x", "Bearer ", "Basic YTpi", "Bearer " + token + "x"),
                random);
        what = "Authorization " + shorten(authorization);
      }
      case NONE -> what = "valid";
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", operation.streams() ? "text/event-stream" : "application/json");
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    if (contentType != null && bodyBytes != null) {
      headers.put("Content-Type", contentType);
    }
    StringBuilder query = new StringBuilder();
    String path = operation.path();
    for (ApiOperations.Parameter p : operation.parameters()) {
      String value = values.get(p.name());
      switch (p.in()) {
        case "path" -> path = path.replace("{" + p.name() + "}", value == null ? "" : value);
        case "query" -> {
          if (value != null) {
            query.append(query.isEmpty() ? "?" : "&").append(p.name()).append('=').append(value);
          }
        }
        default -> {
          if (value != null) {
            headers.put(p.name(), value);
          }
        }
      }
    }
    boolean chunked = bodyBytes != null && random.nextInt(4) == 0;
    return new Variant(
        kind,
        what,
        new RawHttp.Request(
            operation.method().toUpperCase(java.util.Locale.ROOT),
            path + query,
            headers,
            bodyBytes,
            chunked));
  }

  private static Arbitrary<Kind> kinds(ApiOperations.Operation operation) {
    boolean params = !operation.parameters().isEmpty();
    boolean body = operation.body() != null && operation.body().isObject();
    List<Tuple.Tuple2<Integer, Kind>> weights = new ArrayList<>();
    weights.add(Tuple.of(1, Kind.NONE));
    weights.add(Tuple.of(1, Kind.NO_TOKEN));
    weights.add(Tuple.of(1, Kind.BAD_TOKEN));
    if (params) {
      weights.add(Tuple.of(6, Kind.PARAMETER));
      weights.add(Tuple.of(1, Kind.MISSING_PARAMETER));
    }
    if (body) {
      weights.add(Tuple.of(8, Kind.BODY_FIELD));
      weights.add(Tuple.of(2, Kind.MISSING_FIELD));
      weights.add(Tuple.of(2, Kind.EXTRA_FIELD));
      weights.add(Tuple.of(3, Kind.WHOLE_BODY));
      weights.add(Tuple.of(1, Kind.CONTENT_TYPE));
    }
    return Arbitraries.frequency(weights);
  }

  private static String encodeIfNeeded(ApiOperations.Parameter p, String value) {
    return p.in().equals("header") ? value : HostileValues.percentEncoded(value);
  }

  /** JSON pointers of every value in {@code node} ("" is the whole body). */
  private static void collect(JsonNode node, String at, List<String> pointers) {
    if (!at.isEmpty()) {
      pointers.add(at);
    }
    if (node.isObject()) {
      node.properties().forEach(p -> collect(p.getValue(), at + "/" + p.getKey(), pointers));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), at + "/" + i, pointers);
      }
    }
  }

  /**
   * The body with the value at {@code pointer} replaced by the raw JSON {@code hostile} (inserted
   * as text, so it may say what a tree cannot: a lone surrogate, 400 levels), dropped, or with an
   * extra field beside it.
   */
  private static String rewrite(ObjectNode tree, String pointer, Kind kind, String hostile) {
    String text = "@@" + UUID.randomUUID() + "@@";
    String marker = "\"" + text + "\"";
    if (kind == Kind.EXTRA_FIELD || pointer.isEmpty()) {
      tree.put("zz-extra", text);
      return tree.toString().replace(marker, hostile);
    }
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = tree.at(pointer.substring(0, slash));
    String key = pointer.substring(slash + 1);
    if (kind == Kind.MISSING_FIELD) {
      if (parent instanceof ObjectNode object) {
        object.remove(key);
      } else if (parent instanceof ArrayNode array) {
        array.remove(Integer.parseInt(key));
      }
      return tree.toString();
    }
    if (parent instanceof ObjectNode object) {
      object.put(key, text);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(key), TextNode.valueOf(text));
    }
    return tree.toString().replace(marker, hostile);
  }

  private static <T> T pick(List<T> items, Random random) {
    return items.get(random.nextInt(items.size()));
  }

  static String shorten(String text) {
    String shown = text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
    StringBuilder safe = new StringBuilder();
    for (char c : shown.toCharArray()) {
      safe.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return safe.toString();
  }
}
