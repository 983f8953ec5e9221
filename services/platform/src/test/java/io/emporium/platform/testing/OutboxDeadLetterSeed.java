package io.emporium.platform.testing;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventEnvelope;
import io.emporium.platform.messaging.dynamodb.DynamoDbOutbox;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A dead letter in a service's DynamoDB outbox, as the relay leaves an event SNS rejected three
 * times ({@code nextAttemptAt} the far future, {@code lastError}), for the tests of the dead-letter
 * tooling in the services and the launcher.
 */
public final class OutboxDeadLetterSeed {

  public static final String REASON = "InvalidParameter: Message too long";

  private OutboxDeadLetterSeed() {}

  /** Writes {@code event} (a fresh envelope) into {@code outbox}'s table as a dead letter. */
  public static EventEnvelope dynamoDb(
      DynamoDbOutbox outbox, DynamoDbAsyncClient dynamo, DomainEvent event) {
    EventEnvelope envelope = EventEnvelope.of(event);
    Map<String, AttributeValue> item = new HashMap<>(outbox.append(envelope).put().item());
    item.put("attempts", AttributeValue.fromN("3"));
    item.put("nextAttemptAt", AttributeValue.fromN(Long.toString(Long.MAX_VALUE)));
    item.put("lastError", AttributeValue.fromS(REASON));
    item.put("deadLetteredAt", item.get("createdAt"));
    dynamo.putItem(b -> b.tableName(outbox.table().name()).item(item)).join();
    return envelope;
  }
}
