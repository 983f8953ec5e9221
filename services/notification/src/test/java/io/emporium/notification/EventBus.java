package io.emporium.notification;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.TestEnvironment;
import io.emporium.platform.testing.UpstreamEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What other services would do: publish their events to their topics. Nobody consumes the
 * notification topic, so {@link #auditNotifications} subscribes a queue of the test's own to it.
 */
public final class EventBus {

  public static final String AUDIT_QUEUE = "emporium-test-notification-audit";

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

  /** A raw-delivery queue on the notification topic, for reading what the service published. */
  public void auditNotifications() {
    var clients = TestEnvironment.aws().clients();
    try (SnsClient sns = clients.sns();
        SqsClient sqs = clients.sqs()) {
      String url = sqs.createQueue(b -> b.queueName(AUDIT_QUEUE)).queueUrl();
      String queueArn =
          sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn"))
              .attributesAsStrings()
              .get("QueueArn");
      String topic = Topology.load().topicName(EmulatedInfrastructure.ENV, "notification");
      String topicArn = sns.createTopic(b -> b.name(topic)).topicArn();
      sns.subscribe(
          b ->
              b.topicArn(topicArn)
                  .protocol("sqs")
                  .endpoint(queueArn)
                  .attributes(Map.of("RawMessageDelivery", "true")));
    }
  }

  /** NotificationSent events about {@code orderId} that reach the audit queue within the bound. */
  public List<EventEnvelope> awaitNotificationsSent(String orderId, int expected, Duration within) {
    return probe.await(AUDIT_QUEUE, about(orderId), expected, within).stream()
        .map(this::decode)
        .toList();
  }

  /** Everything about {@code orderId} reaching the audit queue during {@code window}. */
  public List<EventEnvelope> drainNotificationsSent(String orderId, Duration window) {
    return probe.drain(AUDIT_QUEUE, window).stream()
        .filter(about(orderId))
        .map(this::decode)
        .toList();
  }

  private static Predicate<Message> about(String orderId) {
    return m -> m.body().contains("\"" + orderId + "\"");
  }

  private EventEnvelope decode(Message message) {
    return codec.decode(message.body());
  }
}
