package io.emporium.platform.testing;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.EventTypes;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.outbox.SnsBatchPublisher;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * What the other services would do in a test: publish an event to its producer's topic (of
 * environment {@value EmulatedInfrastructure#ENV}) with the {@code type} attribute the filter
 * policies match, exactly as the outbox relay does.
 */
public final class UpstreamEvents {

  private final SnsClient sns;
  private final EventCodec codec = new EventCodec();
  private final Topology topology = Topology.load();

  public UpstreamEvents(SnsClient sns) {
    this.sns = sns;
  }

  public static UpstreamEvents forTestEmulator() {
    return new UpstreamEvents(TestEnvironment.aws().clients().sns());
  }

  /** Publishes {@code event} in a new envelope (fresh id) and returns that envelope. */
  public EventEnvelope publish(DomainEvent event) {
    return publish(EventEnvelope.of(event));
  }

  /** Publishes {@code envelope} as it is: the same id again is a duplicate delivery. */
  public EventEnvelope publish(EventEnvelope envelope) {
    publishRaw(envelope.type(), codec.encode(envelope));
    return envelope;
  }

  /** Publishes any body (e.g. a malformed one) as an event of {@code type}. */
  public void publishRaw(String type, String body) {
    String topic = topology.topicName(EmulatedInfrastructure.ENV, EventTypes.producerOf(type));
    String arn = sns.createTopic(b -> b.name(topic)).topicArn();
    sns.publish(
        b ->
            b.topicArn(arn)
                .message(body)
                .messageAttributes(
                    Map.of(
                        SnsBatchPublisher.TYPE_ATTRIBUTE,
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(type)
                            .build())));
  }
}
