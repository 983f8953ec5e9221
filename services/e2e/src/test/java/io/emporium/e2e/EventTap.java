package io.emporium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emporium.events.EventIds;
import io.emporium.events.topology.Topology;
import io.emporium.local.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A test's own queue subscribed (raw delivery) to producers' topics: it sees every event they
 * publish, so a test can replay one exactly as it was — a duplicate delivery — and check the
 * consumers' queues are drained. Test infrastructure only; the shop never reads it.
 */
final class EventTap implements AutoCloseable {

  static final String ENV = "local";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Topology topology = Topology.load();
  private final SnsClient sns;
  private final SqsClient sqs;
  private final String queueUrl;
  private final List<JsonNode> seen = new ArrayList<>();
  private final List<String> subscriptions = new ArrayList<>();

  EventTap(Shop shop, String... producers) {
    AwsClients clients = AwsClients.emulator(shop.stack().awsEndpoint());
    this.sns = clients.sns();
    this.sqs = clients.sqs();
    this.queueUrl =
        sqs.createQueue(b -> b.queueName("e2e-tap-" + UUID.randomUUID().toString().substring(0, 8)))
            .queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    for (String producer : producers) {
      subscriptions.add(
          sns.subscribe(
                  b ->
                      b.topicArn(topicArn(producer))
                          .protocol("sqs")
                          .endpoint(queueArn)
                          .attributes(Map.of("RawMessageDelivery", "true")))
              .subscriptionArn());
    }
  }

  /** The first event of {@code type} (e.g. catalog.StockReserved.v1) about {@code subject}. */
  JsonNode awaitEvent(String type, String subject) {
    return Awaitility.await()
        .atMost(Shop.OUTCOME_WITHIN)
        .until(() -> find(type, subject), event -> event != null);
  }

  /** Publishes {@code event} again, byte for byte the same envelope (same event id). */
  void republish(JsonNode event) {
    publish(event);
  }

  /** Publishes the same event data under a new event id: a second, distinct event. */
  void republishAsNewEvent(JsonNode event) {
    ObjectNode copy = event.deepCopy();
    copy.put("id", EventIds.next().toString());
    publish(copy);
  }

  /** Waits until the consumers' queues of these producers hold nothing (all handled). */
  void awaitConsumed(String... producers) {
    List<String> queues =
        topology.subscriptions(ENV).stream()
            .filter(s -> List.of(producers).contains(s.producer()))
            .map(s -> s.queue())
            .toList();
    Awaitility.await()
        .atMost(Shop.OUTCOME_WITHIN)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> queues.stream().allMatch(this::isEmpty));
  }

  private boolean isEmpty(String queueName) {
    String url = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return attributes.values().stream().allMatch("0"::equals);
  }

  private JsonNode find(String type, String subject) {
    for (Message message :
        sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
            .messages()) {
      seen.add(read(message.body()));
    }
    return seen.stream()
        .filter(
            e -> type.equals(e.path("type").asText()) && subject.equals(e.path("subject").asText()))
        .findFirst()
        .orElse(null);
  }

  private void publish(JsonNode event) {
    String type = event.get("type").asText();
    String producer = type.substring(0, type.indexOf('.'));
    sns.publish(
        b ->
            b.topicArn(topicArn(producer))
                .message(event.toString())
                .messageAttributes(
                    Map.of(
                        "type",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(type)
                            .build())));
  }

  private String topicArn(String producer) {
    return sns.createTopic(b -> b.name(topology.topicName(ENV, producer))).topicArn();
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Unsubscribes, then deletes the queue. The order matters on moto: a publish to a topic that
   * still has a subscription to a deleted queue fails, so every relay would retry (and the other
   * subscribers would get each event again and again).
   */
  @Override
  public void close() {
    subscriptions.forEach(arn -> sns.unsubscribe(b -> b.subscriptionArn(arn)));
    sqs.deleteQueue(b -> b.queueUrl(queueUrl));
    sns.close();
    sqs.close();
  }
}
