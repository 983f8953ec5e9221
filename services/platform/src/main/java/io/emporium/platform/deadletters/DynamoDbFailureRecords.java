package io.emporium.platform.deadletters;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the items {@code FAILURE#<SQS message id>} of a DynamoDB service's inbox table, one
 * consistent GetItem each (the service's role may GetItem its own tables).
 */
final class DynamoDbFailureRecords implements FailureRecords {

  private final DynamoDbAsyncClient dynamo;
  private final String table;

  DynamoDbFailureRecords(DynamoDbAsyncClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Flux<FailureRecord> find(Collection<String> messageIds) {
    return Flux.fromIterable(messageIds).flatMap(this::find, 8);
  }

  private Mono<FailureRecord> find(String messageId) {
    return Mono.fromFuture(
            () ->
                dynamo.getItem(
                    b ->
                        b.tableName(table)
                            .key(Map.of("pk", AttributeValue.fromS("FAILURE#" + messageId)))
                            .consistentRead(true)))
        .filter(response -> response.hasItem() && !response.item().isEmpty())
        .map(response -> record(messageId, response.item()));
  }

  private static FailureRecord record(String messageId, Map<String, AttributeValue> item) {
    return new FailureRecord(
        messageId,
        text(item, "queue"),
        text(item, "eventId"),
        text(item, "type"),
        text(item, "reason"),
        item.containsKey("receiveCount") ? Integer.parseInt(item.get("receiveCount").n()) : 0,
        instant(item, "firstFailedAt"),
        instant(item, "lastFailedAt"));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? null : value.s();
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    String value = text(item, name);
    return value == null ? null : Instant.parse(value);
  }
}
