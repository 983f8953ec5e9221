package io.emporium.platform.testing;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What other services would do, on the test JVM's emulator: publish their events to their topics
 * ({@link UpstreamEvents}), and read what the service under test published about an order from a
 * queue ({@link QueueProbe}): a consumer's queue, or an {@link #auditQueue audit queue} on a topic
 * nobody consumes.
 */
public final class EventBus {

  private final UpstreamEvents upstream = UpstreamEvents.forTestEmulator();
  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final EventCodec codec = new EventCodec();

  /** Publishes {@code event} in a new envelope (fresh id) and returns that envelope. */
  public EventEnvelope publish(DomainEvent event) {
    return upstream.publish(event);
  }

  /** Publishes {@code envelope} as it is: the same id again is a duplicate delivery. */
  public EventEnvelope publish(EventEnvelope envelope) {
    return upstream.publish(envelope);
  }

  /** Events about {@code orderId} that reach {@code queue} within {@code within}. */
  public List<EventEnvelope> await(String queue, String orderId, int expected, Duration within) {
    return probe.await(queue, about(orderId), expected, within).stream().map(this::decode).toList();
  }

  /** Everything about {@code orderId} that reaches {@code queue} during {@code window}. */
  public List<EventEnvelope> drain(String queue, String orderId, Duration window) {
    return probe.drain(queue, window).stream().filter(about(orderId)).map(this::decode).toList();
  }

  /**
   * Subscribes a raw-delivery queue of the test's own, {@code emporium-test-<producer>-audit}, to
   * {@code producer}'s topic (for events no service consumes) and returns the queue's name; with
   * {@code types}, only events of those wire types reach it.
   */
  public String auditQueue(String producer, String... types) {
    String queue = "emporium-" + EmulatedInfrastructure.ENV + "-" + producer + "-audit";
    var clients = TestEnvironment.aws().clients();
    try (SnsClient sns = clients.sns();
        SqsClient sqs = clients.sqs()) {
      String url = sqs.createQueue(b -> b.queueName(queue)).queueUrl();
      String queueArn =
          sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn"))
              .attributesAsStrings()
              .get("QueueArn");
      String topic = Topology.load().topicName(EmulatedInfrastructure.ENV, producer);
      String topicArn = sns.createTopic(b -> b.name(topic)).topicArn();
      sns.subscribe(
          b ->
              b.topicArn(topicArn)
                  .protocol("sqs")
                  .endpoint(queueArn)
                  .attributes(subscription(types)));
    }
    return queue;
  }

  private static Map<String, String> subscription(String... types) {
    if (types.length == 0) {
      return Map.of("RawMessageDelivery", "true");
    }
    String quoted = String.join("\",\"", types);
    return Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"type\":[\"" + quoted + "\"]}");
  }

  private static Predicate<Message> about(String orderId) {
    return m -> m.body().contains("\"" + orderId + "\"");
  }

  private EventEnvelope decode(Message message) {
    return codec.decode(message.body());
  }
}
