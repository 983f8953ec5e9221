package io.emporium.events.docs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emporium.events.EventSchemas;
import io.emporium.events.docs.EventCatalog.Event;
import io.emporium.events.topology.Subscription;
import java.util.List;

/**
 * The AsyncAPI 3.0 document: a channel per SNS topic with its messages, a send operation per
 * producer, a receive operation per queue (its filter policy's types), a message per wire type
 * whose payload references the envelope and data schemas (paths relative to the module).
 */
final class AsyncApiDocument {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final EventCatalog catalog;

  AsyncApiDocument(EventCatalog catalog) {
    this.catalog = catalog;
  }

  ObjectNode build() {
    ObjectNode root = NODES.objectNode();
    root.put("asyncapi", "3.0.0");
    ObjectNode info = root.putObject("info");
    info.put("title", "Emporium events");
    info.put("version", catalog.topology().version() + ".0.0");
    info.put(
        "description",
        "The facts Emporium's services publish to one SNS topic per producer and consume from one"
            + " SQS queue per consumer x producer edge. Generated from the JSON Schemas and"
            + " topology.yaml by io.emporium.events.docs.EventDocs; do not edit.");
    root.put("defaultContentType", "application/json");
    ObjectNode channels = root.putObject("channels");
    ObjectNode operations = root.putObject("operations");
    ObjectNode messages = root.putObject("components").putObject("messages");
    for (String producer : catalog.producers()) {
      List<Event> events = catalog.eventsOf(producer);
      channels.set(channelId(producer), channel(producer, events));
      ObjectNode publish = publish(producer, events);
      publish.set(
          "bindings",
          AsyncApiBindings.sns(
              subscribersOf(producer), catalog.topology().naming().typeAttribute()));
      operations.set(producer + "-publishes", publish);
      events.forEach(event -> messages.set(event.type(), message(event)));
    }
    for (Subscription subscription : catalog.subscriptions()) {
      operations.set(
          subscription.consumer() + "-receives-from-" + subscription.producer(),
          receive(subscription));
    }
    return root;
  }

  private ObjectNode channel(String producer, List<Event> events) {
    ObjectNode channel = NODES.objectNode();
    channel.put("address", catalog.topic(producer));
    channel.put("title", producer + " events");
    channel.put("description", "The SNS topic the " + producer + " service publishes to.");
    channel
        .putObject("parameters")
        .putObject("env")
        .put("description", "The environment: local, dev, prod, or a test run's own name.");
    ObjectNode messages = channel.putObject("messages");
    events.forEach(
        e -> messages.putObject(e.type()).put("$ref", "#/components/messages/" + e.type()));
    return channel;
  }

  private ObjectNode publish(String producer, List<Event> events) {
    ObjectNode operation = operation("send", producer);
    operation.put(
        "summary",
        "The " + producer + " service publishes its events through its transactional outbox.");
    ArrayNode messages = operation.putArray("messages");
    events.forEach(e -> messages.add(channelMessage(producer, e.type())));
    return operation;
  }

  private ObjectNode receive(Subscription s) {
    ObjectNode operation = operation("receive", s.producer());
    operation.put(
        "summary", "The " + s.consumer() + " service consumes from queue " + s.queue() + ".");
    operation.put(
        "description",
        "The subscription's filter policy passes only these types; after "
            + s.settings().maxReceiveCount()
            + " failed receives a message moves to "
            + s.dlq()
            + ".");
    ArrayNode messages = operation.putArray("messages");
    s.types().forEach(type -> messages.add(channelMessage(s.producer(), type)));
    operation.set("bindings", AsyncApiBindings.sqs(s));
    return operation;
  }

  private List<Subscription> subscribersOf(String producer) {
    return catalog.subscriptions().stream().filter(s -> s.producer().equals(producer)).toList();
  }

  private ObjectNode operation(String action, String producer) {
    ObjectNode operation = NODES.objectNode();
    operation.put("action", action);
    operation.putObject("channel").put("$ref", "#/channels/" + channelId(producer));
    return operation;
  }

  private ObjectNode message(Event event) {
    ObjectNode message = NODES.objectNode();
    message.put("name", event.type());
    message.put("title", event.schema().path("title").asText());
    message.put("summary", event.description());
    message.put("contentType", "application/json");
    ObjectNode headers = message.putObject("headers");
    headers.put("type", "object");
    headers.putArray("required").add("type");
    headers
        .putObject("properties")
        .putObject("type")
        .put("type", "string")
        .put("const", event.type())
        .put("description", "The SNS message attribute the subscriptions' filter policies match.");
    ArrayNode allOf = message.putObject("payload").putArray("allOf");
    allOf.addObject().put("$ref", "./" + EventCatalog.SCHEMAS + "envelope.json");
    ObjectNode properties = allOf.addObject().put("type", "object").putObject("properties");
    properties.putObject("type").put("const", event.type());
    properties.putObject("dataschema").put("const", EventSchemas.schemaUri(event.type()));
    properties.putObject("data").put("$ref", "./" + EventCatalog.SCHEMAS + event.file());
    return message;
  }

  private static ObjectNode channelMessage(String producer, String type) {
    return NODES
        .objectNode()
        .put("$ref", "#/channels/" + channelId(producer) + "/messages/" + type);
  }

  static String channelId(String producer) {
    return producer + "-events";
  }
}
