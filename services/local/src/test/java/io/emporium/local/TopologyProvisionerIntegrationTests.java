package io.emporium.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.events.topology.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class TopologyProvisionerIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Topology topology = Topology.load();
  private final AwsClients aws = TestEmulator.provisioned();
  private final SnsClient sns = aws.sns();
  private final SqsClient sqs = aws.sqs();

  @Test
  void createsEveryQueueWithItsDeadLetterQueueAndRedrive() throws Exception {
    for (var edge : topology.subscriptions(TestEmulator.ENV)) {
      String url = sqs.getQueueUrl(b -> b.queueName(edge.queue())).queueUrl();
      var attributes =
          sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
              .attributes();
      JsonNode redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
      assertThat(redrive.path("deadLetterTargetArn").asText()).endsWith(":" + edge.dlq());
      assertThat(redrive.path("maxReceiveCount").asInt())
          .isEqualTo(edge.settings().maxReceiveCount());
      assertThat(sqs.getQueueUrl(b -> b.queueName(edge.dlq())).queueUrl()).endsWith(edge.dlq());
    }
  }

  @Test
  void provisioningTwiceChangesNothing() {
    var first = new TopologyProvisioner(sns, sqs).provision(topology, TestEmulator.ENV);
    var second = new TopologyProvisioner(sns, sqs).provision(topology, TestEmulator.ENV);

    assertThat(second).isEqualTo(first);
    String orderTopic = first.get("order");
    assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(orderTopic)).subscriptions())
        .hasSize(
            topology.subscriptions(TestEmulator.ENV).stream()
                .filter(s -> s.producer().equals("order"))
                .toList()
                .size());
  }

  @Test
  void deliversRawMessagesOnlyToQueuesWhoseFilterMatches() {
    String topicArn =
        sns.createTopic(b -> b.name(topology.topicName(TestEmulator.ENV, "payment"))).topicArn();
    sns.publish(
        b ->
            b.topicArn(topicArn)
                .message("{\"hello\":1}")
                .messageAttributes(
                    Map.of(
                        "type",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue("payment.PaymentRefunded.v1")
                            .build())));

    assertThat(receive("emporium-test-notification-from-payment"))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).isEqualTo("{\"hello\":1}"));
    assertThat(receive("emporium-test-order-from-payment")).isEmpty();
  }

  private List<Message> receive(String queue) {
    String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
        .messages();
  }
}
