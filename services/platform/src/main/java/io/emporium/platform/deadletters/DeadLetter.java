package io.emporium.platform.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A message in a DLQ as on-call sees it: the envelope's event id, type and subject, how often SQS
 * handed it out, when it was first sent, and how often the tooling replayed it already.
 *
 * @param messageId the SQS message id (kept by the move to the DLQ; a replay sends a new message)
 * @param origin the message id before its first replay (the key of its first failure records)
 * @param replays how many times a replay sent it back to its source queue
 * @param replayPass the id of the last replay pass that sent it back (null: never replayed)
 */
public record DeadLetter(
    String messageId,
    String eventId,
    String type,
    String subject,
    int receiveCount,
    Instant sentAt,
    String origin,
    int replays,
    String replayPass,
    String body) {

  /** Message attributes a replay adds (SQS allows ten; events carry type and traceparent). */
  static final String REPLAYS = "emporium-dlq-replays";

  static final String PASS = "emporium-dlq-pass";
  static final String ORIGIN = "emporium-dlq-origin";

  private static final ObjectMapper JSON = new ObjectMapper();

  static DeadLetter of(Message message) {
    JsonNode envelope = parse(message.body());
    Map<String, MessageAttributeValue> attributes = message.messageAttributes();
    Map<MessageSystemAttributeName, String> system = message.attributes();
    String type = envelope.path("type").asText(null);
    if (type == null && attributes.containsKey("type")) {
      type = attributes.get("type").stringValue();
    }
    return new DeadLetter(
        message.messageId(),
        envelope.path("id").asText(null),
        type,
        envelope.path("subject").asText(null),
        Integer.parseInt(
            system.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
        Instant.ofEpochMilli(
            Long.parseLong(system.getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0"))),
        text(attributes, ORIGIN, message.messageId()),
        Integer.parseInt(text(attributes, REPLAYS, "0")),
        text(attributes, PASS, null),
        message.body());
  }

  private static String text(
      Map<String, MessageAttributeValue> attributes, String name, String otherwise) {
    MessageAttributeValue value = attributes.get(name);
    return value == null ? otherwise : value.stringValue();
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception notJson) {
      return JSON.createObjectNode();
    }
  }
}
