package io.emporium.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered event has a schema and a golden fixture, and the fixture honours both. */
class EventFixturesContractTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final EventCodec codec = new EventCodec();

  static Stream<String> types() {
    return EventTypes.all().types().stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void fixtureValidatesAgainstEnvelopeAndDataSchema(String type) throws IOException {
    JsonNode fixture = fixture(type);

    assertThat(EventSchemas.violations(type, fixture)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("types")
  void fixtureRoundTripsThroughTheCodec(String type) throws IOException {
    EventEnvelope decoded = codec.decode(EventFixtures.json(type));

    assertThat(decoded.data()).isInstanceOf(EventTypes.all().recordFor(type).orElseThrow());
    assertThat(JSON.readTree(codec.encode(decoded))).isEqualTo(fixture(type));
  }

  @ParameterizedTest
  @MethodSource("types")
  void fixtureUsesOnlyDeclaredProperties(String type) throws IOException {
    ObjectNode envelope = (ObjectNode) fixture(type);
    JsonNode data = envelope.remove("data");

    assertThat(DeclaredProperties.undeclared(EventSchemas.ENVELOPE_URI, envelope, "$")).isEmpty();
    assertThat(DeclaredProperties.undeclared(EventSchemas.schemaUri(type), data, "$.data"))
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("types")
  void fixtureEnvelopeDescribesItsEvent(String type) {
    EventEnvelope envelope = EventFixtures.envelope(type);

    assertThat(envelope.type()).isEqualTo(type);
    assertThat(envelope.source()).isEqualTo("/emporium/" + EventTypes.producerOf(type));
    assertThat(envelope.dataschema()).isEqualTo(EventSchemas.schemaUri(type));
    assertThat(envelope.subject()).isEqualTo(envelope.data().subject());
    assertThat(envelope.id().version()).as("UUID v7").isEqualTo(7);
    assertThat(envelope.specversion()).isEqualTo(EventEnvelope.SPEC_VERSION);
  }

  @ParameterizedTest
  @MethodSource("types")
  void schemaIsDraft202012WithItsUriAsId(String type) {
    JsonNode schema = EventSchemas.document(EventSchemas.schemaUri(type));

    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$id").asText()).isEqualTo(EventSchemas.schemaUri(type));
    assertThat(schema.path("title").asText()).isEqualTo(type.split("\\.")[1]);
    assertThat(schema.path("description").asText()).as("when it is published").isNotBlank();
    assertThat(schema.has("additionalProperties"))
        .as("tolerant reader: schemas stay open")
        .isFalse();
  }

  @Test
  void everyRegisteredTypeHasASchemaAndAFixtureAndViceVersa() throws Exception {
    Set<String> registered = EventTypes.all().types();

    assertThat(typesUnder("schemas")).isEqualTo(registered);
    assertThat(typesUnder("fixtures")).isEqualTo(registered);
    assertThat(registered).hasSize(11);
  }

  @Test
  void envelopeAndCommonSchemasCarryTheirUris() {
    assertThat(EventSchemas.document(EventSchemas.ENVELOPE_URI).path("$id").asText())
        .isEqualTo(EventSchemas.ENVELOPE_URI);
    JsonNode common = EventSchemas.document(EventSchemas.BASE_URI + "common.json");
    assertThat(common.path("$defs").properties().stream().map(e -> e.getKey()))
        .containsExactlyInAnyOrder(
            "Money", "LineItem", "Customer", "ShippingAddress", "StockLine", "ShortLine");
  }

  @Test
  void encodingANewEventProducesAValidEnvelope() throws IOException {
    var fixture = EventFixtures.envelope("order.OrderCancelled.v1");

    String json = codec.encode(EventEnvelope.of(fixture.data()));

    EventEnvelope decoded = codec.decode(json);
    assertThat(decoded.data()).isEqualTo(fixture.data());
    assertThat(decoded.id().version()).isEqualTo(7);
  }

  private static JsonNode fixture(String type) throws IOException {
    return JSON.readTree(EventFixtures.json(type));
  }

  /**
   * {@code <root>/<producer>/<Name>.v1.json} → {@code <producer>.<Name>.v1}, except shared files.
   */
  private static Set<String> typesUnder(String root) throws IOException, URISyntaxException {
    Path dir = Path.of(EventFixtures.class.getClassLoader().getResource(root).toURI());
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(dir::relativize)
          .filter(relative -> relative.getNameCount() == 2)
          .map(relative -> relative.toString().replace('\\', '/').replaceFirst("\\.json$", ""))
          .map(name -> name.replace('/', '.'))
          .collect(Collectors.toSet());
    }
  }
}
