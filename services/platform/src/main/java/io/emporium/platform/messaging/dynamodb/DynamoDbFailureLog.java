package io.emporium.platform.messaging.dynamodb;

import io.emporium.platform.messaging.inbox.FailureLog;
import io.emporium.platform.messaging.inbox.InboundMessage;
import io.emporium.platform.messaging.inbox.MessageFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps why a message failed in the inbox table, item {@code FAILURE#<SQS message id>} (the id
 * survives the move to the DLQ), outside the failed transaction, for as long as the DLQ keeps the
 * message.
 */
final class DynamoDbFailureLog implements FailureLog {

  private static final String UPDATE =
      "SET #queue = :queue, #eventId = :eventId, #type = :type, #reason = :reason,"
          + " #receiveCount = :receiveCount, #lastFailedAt = :now,"
          + " #firstFailedAt = if_not_exists(#firstFailedAt, :now), #expiresAt = :expires";
  private static final Map<String, String> NAMES =
      Map.of(
          "#queue", "queue",
          "#eventId", "eventId",
          "#type", "type",
          "#reason", "reason",
          "#receiveCount", "receiveCount",
          "#lastFailedAt", "lastFailedAt",
          "#firstFailedAt", "firstFailedAt",
          "#expiresAt", DynamoDbProcessedEvents.EXPIRES_AT);

  private final DynamoDbAsyncClient dynamo;
  private final String tableName;
  private final Clock clock;

  DynamoDbFailureLog(DynamoDbAsyncClient dynamo, String tableName, Clock clock) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.clock = clock;
  }

  @Override
  public Mono<Void> record(InboundMessage message, String eventId, String type, String reason) {
    Instant now = clock.instant();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":queue", AttributeValue.fromS(message.queue()));
    values.put(":eventId", text(eventId));
    values.put(":type", text(type));
    values.put(":reason", text(reason));
    values.put(":receiveCount", AttributeValue.fromN(Integer.toString(message.receiveCount())));
    values.put(":now", AttributeValue.fromS(now.toString()));
    values.put(
        ":expires",
        AttributeValue.fromN(
            Long.toString(now.plus(DynamoDbProcessedEvents.DEFAULT_RETENTION).getEpochSecond())));
    return Mono.fromFuture(
            () ->
                dynamo.updateItem(
                    b ->
                        b.tableName(tableName)
                            .key(key(message.messageId()))
                            .updateExpression(UPDATE)
                            .expressionAttributeNames(NAMES)
                            .expressionAttributeValues(values)))
        .then();
  }

  @Override
  public Mono<MessageFailure> find(String messageId) {
    return Mono.fromFuture(
            () ->
                dynamo.getItem(
                    b -> b.tableName(tableName).key(key(messageId)).consistentRead(true)))
        .filter(response -> response.hasItem() && !response.item().isEmpty())
        .map(response -> failure(messageId, response.item()));
  }

  private static MessageFailure failure(String messageId, Map<String, AttributeValue> item) {
    return new MessageFailure(
        messageId,
        item.get("queue").s(),
        textOf(item.get("eventId")),
        textOf(item.get("type")),
        textOf(item.get("reason")),
        Integer.parseInt(item.get("receiveCount").n()),
        Instant.parse(item.get("firstFailedAt").s()),
        Instant.parse(item.get("lastFailedAt").s()));
  }

  private static String textOf(AttributeValue value) {
    return value == null || Boolean.TRUE.equals(value.nul()) ? null : value.s();
  }

  static Map<String, AttributeValue> key(String messageId) {
    return Map.of(
        DynamoDbProcessedEvents.PARTITION_KEY, AttributeValue.fromS("FAILURE#" + messageId));
  }

  private static AttributeValue text(String value) {
    return value == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(value);
  }
}
