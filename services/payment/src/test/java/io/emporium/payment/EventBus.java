package io.emporium.payment;

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

/** What other services would do: publish their events to their topics, and read ours. */
public final class EventBus {

  private final SnsClient sns = TestEnvironment.aws().clients().sns();
  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final EventCodec codec = new EventCodec();
  private final Topology topology = Topology.load();

  public EventEnvelope publish(DomainEvent event) {
    EventEnvelope envelope = EventEnvelope.of(event);
    publish(envelope);
    return envelope;
  }

  /** Publishes {@code envelope} to its producer's topic with the {@code type} attribute. */
  public void publish(EventEnvelope envelope) {
    String topic =
        topology.topicName(EmulatedInfrastructure.ENV, EventTypes.producerOf(envelope.type()));
    String arn = sns.createTopic(b -> b.name(topic)).topicArn();
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

  /** Events about {@code orderId} that reach {@code queue} within {@code within}. */
  public List<EventEnvelope> await(String queue, String orderId, int expected, Duration within) {
    return probe
        .await(queue, m -> m.body().contains("\"" + orderId + "\""), expected, within)
        .stream()
        .map(m -> codec.decode(m.body()))
        .toList();
  }

  /** Everything about {@code orderId} that reaches {@code queue} during {@code window}. */
  public List<EventEnvelope> drain(String queue, String orderId, Duration window) {
    return probe.drain(queue, window).stream()
        .filter(m -> m.body().contains("\"" + orderId + "\""))
        .map(m -> codec.decode(m.body()))
        .toList();
  }
}
