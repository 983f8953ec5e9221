package io.emporium.platform.messaging.inbox;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.emporium.platform.messaging.outbox.SnsBatchPublisher;
import java.time.Instant;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** What the platform needs of a received SQS message, from the listener's Spring message. */
public record InboundMessage(
    String messageId, String queue, int receiveCount, String traceparent, String body) {

  static InboundMessage of(org.springframework.messaging.Message<?> message) {
    var headers = message.getHeaders();
    Message source = headers.get(SqsHeaders.SQS_SOURCE_DATA_HEADER, Message.class);
    if (source == null) {
      throw new IllegalArgumentException(
          "not an SQS message: no " + SqsHeaders.SQS_SOURCE_DATA_HEADER);
    }
    var traceparent = source.messageAttributes().get(SnsBatchPublisher.TRACEPARENT_ATTRIBUTE);
    return new InboundMessage(
        source.messageId(),
        String.valueOf(headers.getOrDefault(SqsHeaders.SQS_QUEUE_NAME_HEADER, "unknown")),
        Integer.parseInt(
            source
                .attributes()
                .getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")),
        traceparent == null ? null : traceparent.stringValue(),
        source.body());
  }

  /** When SQS received the message (its SentTimestamp attribute), if it says. */
  static Instant sentAt(org.springframework.messaging.Message<?> message) {
    Message source = message.getHeaders().get(SqsHeaders.SQS_SOURCE_DATA_HEADER, Message.class);
    String sent =
        source == null ? null : source.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
    try {
      return sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
