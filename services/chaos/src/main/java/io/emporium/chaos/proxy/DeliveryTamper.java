package io.emporium.chaos.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emporium.local.AwsClients;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Misdelivers what SQS hands out (ReceiveMessage answers, AWS JSON protocol): a message duplicated
 * on its first delivery is sent to its queue once more, 1–15 s later, byte for byte (the same event
 * id, as when SNS or SQS deliver twice); a delayed message is taken out of the answer, so the
 * consumer never sees this receive and SQS delivers it again after the visibility timeout — after
 * messages sent later.
 */
final class DeliveryTamper implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryTamper.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AwsFaults faults;
  private final SqsClient sqs;
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

  DeliveryTamper(URI emulator, AwsFaults faults) {
    this.faults = faults;
    this.sqs = AwsClients.emulator(emulator).sqs();
  }

  /** The answer to pass on for a ReceiveMessage {@code request} that SQS answered {@code body}. */
  byte[] received(byte[] request, byte[] body) {
    try {
      JsonNode answer = JSON.readTree(body);
      if (!(answer.get("Messages") instanceof ArrayNode messages) || messages.isEmpty()) {
        return body;
      }
      String queueUrl = JSON.readTree(request).path("QueueUrl").asText();
      ArrayNode kept = JSON.createArrayNode();
      for (JsonNode message : messages) {
        if (firstDelivery(message) && faults.drawDuplicate()) {
          long delayMillis = ThreadLocalRandom.current().nextLong(1_000, 15_000);
          later.schedule(() -> resend(queueUrl, message), delayMillis, TimeUnit.MILLISECONDS);
        }
        if (!faults.drawDelay()) {
          kept.add(message);
        }
      }
      if (kept.size() == messages.size()) {
        return body;
      }
      ((ObjectNode) answer).set("Messages", kept);
      return JSON.writeValueAsBytes(answer);
    } catch (IOException e) {
      return body;
    }
  }

  /**
   * Only a message's first delivery is duplicated, as SNS or SQS deliver a message twice: once per
   * message, not once per receive. (Duplicating every receive made each poison message, received 20
   * times before its DLQ, spawn four copies on average, each spawning more.) A receive whose count
   * SQS did not report counts as a first one.
   */
  private static boolean firstDelivery(JsonNode message) {
    return message.path("Attributes").path("ApproximateReceiveCount").asText("1").equals("1");
  }

  private void resend(String queueUrl, JsonNode message) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    message
        .path("MessageAttributes")
        .properties()
        .forEach(
            attribute ->
                attributes.put(
                    attribute.getKey(),
                    MessageAttributeValue.builder()
                        .dataType(attribute.getValue().path("DataType").asText("String"))
                        .stringValue(attribute.getValue().path("StringValue").asText())
                        .build()));
    try {
      sqs.sendMessage(
          b ->
              b.queueUrl(queueUrl)
                  .messageBody(message.path("Body").asText())
                  .messageAttributes(attributes));
    } catch (RuntimeException e) {
      log.warn("could not send a duplicate to {}: {}", queueUrl, e.toString());
    }
  }

  @Override
  public void close() {
    later.shutdownNow();
    sqs.close();
  }
}
