package io.emporium.cart.support;

import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.TestEnvironment;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** Publishes events as the order service does: to its topic, with the {@code type} attribute. */
public final class OrderEvents {

  private final EventCodec codec = new EventCodec();

  public void publish(EventEnvelope envelope) {
    String topic = Topology.load().topicName(EmulatedInfrastructure.ENV, "order");
    try (var sns = TestEnvironment.aws().clients().sns()) {
      String arn = sns.createTopic(b -> b.name(topic)).topicArn();
      sns.publish(
          b ->
              b.topicArn(arn)
                  .message(codec.encode(envelope))
                  .messageAttributes(
                      java.util.Map.of(
                          "type",
                          MessageAttributeValue.builder()
                              .dataType("String")
                              .stringValue(envelope.type())
                              .build())));
    }
  }
}
