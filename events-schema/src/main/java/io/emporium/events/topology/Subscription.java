package io.emporium.events.topology;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One consumer × producer edge: the consumer's queue (and its DLQ) subscribed to the producer's
 * topic with a filter policy listing exactly the types the consumer handles.
 */
public record Subscription(
    String consumer,
    String producer,
    String topic,
    String queue,
    String dlq,
    List<String> types,
    String typeAttribute,
    QueueSettings settings) {

  /** The SNS filter policy (message-attributes scope): {@code {"type":["a","b"]}}. */
  public String filterPolicy() {
    return types.stream()
        .map(t -> "\"" + t + "\"")
        .collect(Collectors.joining(",", "{\"" + typeAttribute + "\":[", "]}"));
  }
}
