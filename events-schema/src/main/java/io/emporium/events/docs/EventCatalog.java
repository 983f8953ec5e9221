package io.emporium.events.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.events.EventSchemas;
import io.emporium.events.EventTypes;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the docs are generated from: the schemas and topology.yaml shipped in this jar. */
record EventCatalog(Topology topology, JsonNode envelope, JsonNode common) {

  /** Names are shown with their placeholder, e.g. {@code emporium-{env}-order-events}. */
  static final String ENV = "{env}";

  static final String SCHEMAS = "src/main/resources/schemas/";
  static final String FIXTURES = "src/main/resources/fixtures/";

  static EventCatalog load() {
    return new EventCatalog(
        Topology.load(),
        EventSchemas.document(EventSchemas.ENVELOPE_URI),
        EventSchemas.document(EventSchemas.BASE_URI + "common.json"));
  }

  /** Producers in topology.yaml's order. */
  List<String> producers() {
    return List.copyOf(topology.producers().keySet());
  }

  List<Event> eventsOf(String producer) {
    return topology.producers().get(producer).stream().map(Event::new).toList();
  }

  String topic(String producer) {
    return topology.topicName(ENV, producer);
  }

  List<Subscription> subscriptions() {
    return topology.subscriptions(ENV);
  }

  /** The consumers whose queue filters for the type, in topology.yaml's order. */
  List<String> consumersOf(String type) {
    return subscriptions().stream()
        .filter(s -> s.types().contains(type))
        .map(Subscription::consumer)
        .toList();
  }

  /** The shared definitions of common.json, by name. */
  Map<String, JsonNode> definitions() {
    Map<String, JsonNode> definitions = new LinkedHashMap<>();
    common.path("$defs").properties().forEach(e -> definitions.put(e.getKey(), e.getValue()));
    return definitions;
  }

  /** One wire type and its data schema. */
  record Event(String type, JsonNode schema) {

    Event(String type) {
      this(type, EventSchemas.document(EventSchemas.schemaUri(type)));
    }

    String producer() {
      return EventTypes.producerOf(type);
    }

    /** {@code order/OrderPlaced.v1.json}: the path under schemas/ and fixtures/. */
    String file() {
      return producer() + "/" + EventTypes.nameOf(type) + ".json";
    }

    String description() {
      return schema.path("description").asText();
    }
  }
}
