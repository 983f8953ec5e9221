package io.emporium.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.events.catalog.ShortLine;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Java records and the JSON Schemas describe the same fields: neither drifts alone. */
class RecordSchemaContractTests {

  private static final List<Class<? extends Record>> VALUES =
      List.of(
          Money.class,
          LineItem.class,
          Customer.class,
          ShippingAddress.class,
          StockLine.class,
          ShortLine.class);

  static Stream<String> types() {
    return EventTypes.all().types().stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void eventSchemaDeclaresExactlyTheRecordsComponents(String type) {
    Class<?> record = EventTypes.all().recordFor(type).orElseThrow();

    assertMatches(record, EventSchemas.document(EventSchemas.schemaUri(type)));
  }

  @Test
  void sharedDefinitionsDeclareExactlyTheValueRecordsComponents() {
    JsonNode definitions =
        EventSchemas.document(EventSchemas.BASE_URI + "common.json").path("$defs");

    VALUES.forEach(record -> assertMatches(record, definitions.path(record.getSimpleName())));
  }

  private static void assertMatches(Class<?> record, JsonNode schema) {
    List<String> properties = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(properties::add);
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(n -> required.add(n.asText()));
    RecordComponent[] components = record.getRecordComponents();

    assertThat(properties)
        .as("properties of %s", record.getSimpleName())
        .containsExactlyElementsOf(Stream.of(components).map(RecordComponent::getName).toList());
    assertThat(properties).as("required of %s", record.getSimpleName()).containsAll(required);
    Stream.of(components)
        .filter(c -> c.getType().isPrimitive())
        .forEach(
            c ->
                assertThat(required)
                    .as("a primitive cannot be absent: %s.%s", record.getSimpleName(), c.getName())
                    .contains(c.getName()));
  }
}
