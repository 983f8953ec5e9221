package io.emporium.events.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The event topology from {@code topology.yaml}, the one source of topic and queue names. Services,
 * local provisioning and tests ask it for names; nothing restates them.
 */
public record Topology(
    int version,
    Naming naming,
    QueueSettings queueDefaults,
    Map<String, List<String>> producers,
    Map<String, Map<String, List<String>>> consumers) {

  public static final String RESOURCE = "topology.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /** The topology shipped in the events-schema jar. */
  public static Topology load() {
    try (InputStream in = Topology.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return YAML.readValue(in, Topology.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Topology load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return YAML.readValue(in, Topology.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The edge whose queue or DLQ is named {@code queue} in environment {@code env}, if the topology
   * has one.
   */
  public java.util.Optional<Subscription> edgeOf(String env, String queue) {
    return subscriptions(env).stream()
        .filter(s -> s.queue().equals(queue) || s.dlq().equals(queue))
        .findFirst();
  }

  public String topicName(String env, String producer) {
    if (!producers.containsKey(producer)) {
      throw new IllegalArgumentException("no producer '" + producer + "' in " + RESOURCE);
    }
    return naming.topic(env, producer);
  }

  /** Every edge, consumers and producers in file order. */
  public List<Subscription> subscriptions(String env) {
    List<Subscription> all = new ArrayList<>();
    consumers.keySet().forEach(consumer -> all.addAll(subscriptionsOf(env, consumer)));
    return all;
  }

  /** The queues one service consumes. */
  public List<Subscription> subscriptionsOf(String env, String consumer) {
    return consumers.getOrDefault(consumer, Map.of()).entrySet().stream()
        .map(edge -> edge(env, consumer, edge.getKey(), edge.getValue()))
        .toList();
  }

  public Subscription subscription(String env, String consumer, String producer) {
    return subscriptionsOf(env, consumer).stream()
        .filter(s -> s.producer().equals(producer))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException(consumer + " does not consume from " + producer));
  }

  private Subscription edge(String env, String consumer, String producer, List<String> types) {
    return new Subscription(
        consumer,
        producer,
        topicName(env, producer),
        naming.queue(env, consumer, producer),
        naming.dlq(env, consumer, producer),
        List.copyOf(types),
        naming.typeAttribute(),
        queueDefaults);
  }
}
