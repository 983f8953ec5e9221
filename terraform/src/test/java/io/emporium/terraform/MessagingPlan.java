package io.emporium.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * What the messaging module creates for one topology, as a set of edges (topic, queue, DLQ, filter
 * policy), comparable between a terraform plan and {@link Topology}.
 */
record MessagingPlan(Set<String> topics, Set<Edge> edges, Set<String> queues) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One subscription: the filter policy normalised so formatting does not matter. */
  record Edge(String topic, String queue, String dlq, String filterPolicy) {}

  static MessagingPlan expected(Topology topology, String env) {
    Set<String> topics = new HashSet<>();
    topology.producers().keySet().forEach(p -> topics.add(topology.topicName(env, p)));
    Set<Edge> edges = new HashSet<>();
    Set<String> queues = new HashSet<>();
    for (Subscription s : topology.subscriptions(env)) {
      edges.add(new Edge(s.topic(), s.queue(), s.dlq(), normalise(s.filterPolicy())));
      queues.add(s.queue());
      queues.add(s.dlq());
    }
    return new MessagingPlan(topics, edges, queues);
  }

  /** From {@code terraform show -json <planfile>}. */
  static MessagingPlan planned(String showJson) {
    List<JsonNode> changes =
        StreamSupport.stream(read(showJson).path("resource_changes").spliterator(), false)
            .filter(c -> c.path("change").path("actions").toString().contains("create"))
            .toList();
    Map<String, String> topicByProducer = new HashMap<>();
    Map<String, JsonNode> queues = new HashMap<>();
    Map<String, String> dlqs = new HashMap<>();
    Map<String, String> filters = new HashMap<>();
    Set<String> allQueues = new HashSet<>();
    for (JsonNode c : changes) {
      JsonNode after = c.path("change").path("after");
      String key = c.path("index").asText();
      switch (c.path("type").asText() + "." + c.path("name").asText()) {
        case "aws_sns_topic.this" -> topicByProducer.put(key, after.path("name").asText());
        case "aws_sqs_queue.this" -> queues.put(key, after);
        case "aws_sqs_queue.dlq" -> dlqs.put(key, after.path("name").asText());
        case "aws_sns_topic_subscription.this" ->
            filters.put(key, normalise(after.path("filter_policy").asText()));
        default -> {}
      }
      if (c.path("type").asText().equals("aws_sqs_queue")) {
        allQueues.add(after.path("name").asText());
      }
    }
    Set<Edge> edges = new HashSet<>();
    // Every queue, DLQ and subscription of an edge share its key; an unpaired one shows as a null
    // field.
    Set<String> keys = new HashSet<>(queues.keySet());
    keys.addAll(dlqs.keySet());
    keys.addAll(filters.keySet());
    for (String key : keys) {
      JsonNode queue = queues.get(key);
      String producer =
          queue == null ? null : queue.path("tags").path("emporium:producer").asText();
      edges.add(
          new Edge(
              topicByProducer.get(producer),
              queue == null ? null : queue.path("name").asText(),
              dlqs.get(key),
              filters.get(key)));
    }
    return new MessagingPlan(new HashSet<>(topicByProducer.values()), edges, allQueues);
  }

  private static String normalise(String json) {
    return read(json).toString();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
