package io.emporium.notification;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.EventTypes;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.TestEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What other services would do: publish their events to their topics. Nobody consumes the
 * notification topic, so {@link #auditNotifications} subscribes a queue of the test's own to it.
 */
public final class EventBus {

  public static final String AUDIT_QUEUE = "emporium-test-notification-audit";

  private final SnsClient sns = TestEnvironment.aws().clients().sns();
  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final EventCodec codec = new EventCodec();
  private final Topology topology = Topology.load();

  public EventEnvelope publish(DomainEvent event) {
    EventEnvelope envelope = EventEnvelope.of(event);
    publish(envelope);
    return envelope;
  }

  public void publish(EventEnvelope envelope) {
    String arn = topicArn(EventTypes.producerOf(envelope.type()));
    sns.publish(
        b ->
            b.topicArn(arn)
                .message(codec.encode(envelope))
                .messageAttributes(
                    Map.of(
                        "type",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(envelope.type())
                            .build())));
  }

  /** A raw-delivery queue on the notification topic, for reading what the service published. */
  public void auditNotifications() {
    try (SqsClient sqs = TestEnvironment.aws().clients().sqs()) {
      String url = sqs.createQueue(b -> b.queueName(AUDIT_QUEUE)).queueUrl();
      String queueArn =
          sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn"))
              .attributesAsStrings()
              .get("QueueArn");
      sns.subscribe(
          b ->
              b.topicArn(topicArn("notification"))
                  .protocol("sqs")
                  .endpoint(queueArn)
                  .attributes(Map.of("RawMessageDelivery", "true")));
    }
  }

  /** NotificationSent events about {@code orderId} that reach the audit queue within the bound. */
  public List<EventEnvelope> awaitNotificationsSent(String orderId, int expected, Duration within) {
    return probe
        .await(AUDIT_QUEUE, m -> m.body().contains("\"" + orderId + "\""), expected, within)
        .stream()
        .map(m -> codec.decode(m.body()))
        .toList();
  }

  /** Everything about {@code orderId} reaching the audit queue during {@code window}. */
  public List<EventEnvelope> drainNotificationsSent(String orderId, Duration window) {
    return probe.drain(AUDIT_QUEUE, window).stream()
        .filter(m -> m.body().contains("\"" + orderId + "\""))
        .map(m -> codec.decode(m.body()))
        .toList();
  }

  private String topicArn(String producer) {
    String topic = topology.topicName(EmulatedInfrastructure.ENV, producer);
    return sns.createTopic(b -> b.name(topic)).topicArn();
  }
}
