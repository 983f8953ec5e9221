package io.emporium.events.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility gate: the current schemas are compatible with the released ones, and the
 * checker tells compatible from breaking changes.
 */
class SchemaCompatibilityContractTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));

  private static final String RELEASED =
      """
      {"type": "object", "required": ["orderId", "total"],
       "properties": {
         "orderId": {"type": "string"},
         "note": {"type": "string"},
         "total": {"$ref": "../common.json#/$defs/Money"},
         "lines": {"type": "array", "items": {"type": "integer"}}}}
      """;

  @Test
  void currentSchemasAreCompatibleWithTheLastRelease() {
    Path released = MODULE.resolve("released");
    Path current = MODULE.resolve("src/main/resources/schemas");

    assertThat(SchemaCompatibility.schemaFiles(released)).hasSize(13);
    assertThat(SchemaCompatibility.breakingChanges(released, current))
        .as("breaking changes need a new major version, see released/README.md")
        .isEmpty();
  }

  @Test
  void addingAnOptionalPropertyPasses() {
    assertThat(
            changes(
                RELEASED.replace("\"note\"", "\"giftWrap\": {\"type\": \"boolean\"}, \"note\"")))
        .isEmpty();
  }

  @Test
  void removingAPropertyFails() {
    assertThat(changes(RELEASED.replace("\"note\": {\"type\": \"string\"},", "")))
        .containsExactly("x.json#/properties/note: property 'note' removed (or renamed)");
  }

  @Test
  void renamingAPropertyFails() {
    assertThat(changes(RELEASED.replace("\"note\":", "\"comment\":")))
        .containsExactly("x.json#/properties/note: property 'note' removed (or renamed)");
  }

  @Test
  void changingAPropertysTypeFails() {
    assertThat(
            changes(
                RELEASED.replace(
                    "\"note\": {\"type\": \"string\"}", "\"note\": {\"type\": \"integer\"}")))
        .containsExactly("x.json#/properties/note: 'type' changed from \"string\" to \"integer\"");
  }

  @Test
  void changingAnArraysItemTypeFails() {
    assertThat(
            changes(
                RELEASED.replace(
                    "\"items\": {\"type\": \"integer\"}", "\"items\": {\"type\": \"number\"}")))
        .containsExactly(
            "x.json#/properties/lines/items: 'type' changed from \"integer\" to \"number\"");
  }

  @Test
  void changingAReferencedDefinitionFails() {
    assertThat(changes(RELEASED.replace("#/$defs/Money", "#/$defs/Price")))
        .singleElement()
        .asString()
        .contains("/properties/total: '$ref' changed");
  }

  @Test
  void makingAnOptionalPropertyRequiredFails() {
    assertThat(
            changes(
                RELEASED.replace("[\"orderId\", \"total\"]", "[\"orderId\", \"total\", \"note\"]")))
        .containsExactly("x.json#: optional property 'note' made required");
  }

  @Test
  void addingARequiredPropertyFails() {
    String changed =
        RELEASED
            .replace("[\"orderId\", \"total\"]", "[\"orderId\", \"total\", \"giftWrap\"]")
            .replace("\"note\"", "\"giftWrap\": {\"type\": \"boolean\"}, \"note\"");

    assertThat(changes(changed)).singleElement().asString().contains("new property 'giftWrap'");
  }

  @Test
  void changingASharedDefinitionFails() {
    String released =
        "{\"$defs\": {\"Money\": {\"properties\": {\"amountMinor\": {\"type\": \"integer\"}}}}}";

    assertThat(
            SchemaCompatibility.breakingChanges(
                "common.json", read(released), read(released.replace("integer", "number"))))
        .containsExactly(
            "common.json#/$defs/Money/properties/amountMinor: 'type' changed from \"integer\" to \"number\"");
    assertThat(
            SchemaCompatibility.breakingChanges(
                "common.json", read(released), read("{\"$defs\": {}}")))
        .containsExactly("common.json#/$defs/Money: definition 'Money' removed");
  }

  @Test
  void removingAWholeEventTypeFails(@TempDir Path dir) throws IOException {
    write(dir.resolve("released/order/OrderShipped.v1.json"), RELEASED);
    write(dir.resolve("current/order/OrderPlaced.v2.json"), RELEASED);

    assertThat(releasedAgainstCurrent(dir))
        .containsExactly(
            "order/OrderShipped.v1.json: schema removed (a released event type or definition must"
                + " stay)");
  }

  @Test
  void addingANewEventTypeOrMajorVersionPasses(@TempDir Path dir) throws IOException {
    write(dir.resolve("current/order/OrderPlaced.v2.json"), "{\"type\": \"object\"}");

    assertThat(releasedAgainstCurrent(dir)).isEmpty();
  }

  /** Compares dir/released with dir/current, both holding order/OrderPlaced.v1.json. */
  private static List<String> releasedAgainstCurrent(Path dir) throws IOException {
    write(dir.resolve("released/order/OrderPlaced.v1.json"), RELEASED);
    write(dir.resolve("current/order/OrderPlaced.v1.json"), RELEASED);
    return SchemaCompatibility.breakingChanges(dir.resolve("released"), dir.resolve("current"));
  }

  private static List<String> changes(String current) {
    return SchemaCompatibility.breakingChanges("x.json", read(RELEASED), read(current));
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
