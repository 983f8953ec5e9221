package io.emporium.platform.messaging.dynamodb;

import static io.emporium.platform.messaging.dynamodb.OutboxItem.millis;
import static io.emporium.platform.messaging.dynamodb.OutboxItem.n;

import io.emporium.platform.messaging.outbox.OutboxDeadLetter;
import io.emporium.platform.messaging.outbox.OutboxDeadLetters;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The DynamoDB outbox's dead letters (items whose {@code nextAttemptAt} is {@link
 * DynamoDbOutboxItems#NEVER}): a Query per shard to list them; a requeue updates each item on the
 * condition that it is still a dead letter, so a concurrent requeue or relay round wins once.
 */
final class DynamoDbOutboxDeadLetters implements OutboxDeadLetters {

  private static final String DEAD = "#next = :never";

  private final DynamoDbAsyncClient dynamo;
  private final DynamoDbOutboxTable table;
  private final RelayWakeUp wakeUp;
  private final Clock clock;

  DynamoDbOutboxDeadLetters(
      DynamoDbAsyncClient dynamo, DynamoDbOutboxTable table, RelayWakeUp wakeUp, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.wakeUp = wakeUp;
    this.clock = clock;
  }

  @Override
  public String store() {
    return "dynamodb";
  }

  @Override
  public Flux<OutboxDeadLetter> list() {
    return Flux.fromIterable(table.partitions())
        .concatMap(this::deadIn)
        .take(CAP)
        .sort(
            Comparator.comparing(OutboxDeadLetter::createdAt)
                .thenComparing(OutboxDeadLetter::eventId));
  }

  @Override
  public Flux<OutboxDeadLetter> requeue(Collection<UUID> ids) {
    return Flux.fromIterable(ids)
        .concatMap(this::requeue)
        .doOnComplete(
            () -> {
              if (!ids.isEmpty()) {
                wakeUp.appended();
              }
            });
  }

  private Flux<OutboxDeadLetter> deadIn(String partition) {
    var pages =
        dynamo.queryPaginator(
            b ->
                b.tableName(table.name())
                    .keyConditionExpression("#pk = :pk")
                    .filterExpression(DEAD)
                    .expressionAttributeNames(
                        Map.of(
                            "#pk", DynamoDbOutboxTable.PARTITION_KEY,
                            "#next", OutboxItem.NEXT_ATTEMPT_AT))
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", AttributeValue.fromS(partition),
                            ":never", millis(DynamoDbOutboxItems.NEVER))));
    return Flux.from(pages)
        .flatMapIterable(QueryResponse::items)
        .map(DynamoDbOutboxDeadLetters::letter);
  }

  private Mono<OutboxDeadLetter> requeue(UUID id) {
    var key =
        Map.of(
            DynamoDbOutboxTable.PARTITION_KEY, AttributeValue.fromS(table.partitionOf(id)),
            DynamoDbOutboxTable.SORT_KEY, AttributeValue.fromS(id.toString()));
    return Mono.fromFuture(
            () ->
                dynamo.updateItem(
                    b ->
                        b.tableName(table.name())
                            .key(key)
                            .updateExpression("SET #attempts = :zero, #next = :now REMOVE #dead")
                            .conditionExpression(DEAD)
                            .expressionAttributeNames(
                                Map.of(
                                    "#attempts", OutboxItem.ATTEMPTS,
                                    "#next", OutboxItem.NEXT_ATTEMPT_AT,
                                    "#dead", OutboxItem.DEAD_LETTERED_AT))
                            .expressionAttributeValues(
                                Map.of(
                                    ":zero", n(0),
                                    ":now", millis(clock.instant()),
                                    ":never", millis(DynamoDbOutboxItems.NEVER)))
                            .returnValues(ReturnValue.ALL_OLD)))
        .map(response -> letter(response.attributes()))
        .onErrorResume(ConditionalCheckFailedException.class, e -> Mono.empty());
  }

  private static OutboxDeadLetter letter(Map<String, AttributeValue> attributes) {
    OutboxItem item = OutboxItem.from(attributes);
    AttributeValue error = attributes.get(OutboxItem.LAST_ERROR);
    return new OutboxDeadLetter(
        item.id(),
        item.type(),
        item.subject(),
        item.attempts(),
        error == null ? null : error.s(),
        item.createdAt(),
        attributes.containsKey(OutboxItem.DEAD_LETTERED_AT)
            ? OutboxItem.instant(attributes, OutboxItem.DEAD_LETTERED_AT)
            : null,
        item.payload().getBytes(StandardCharsets.UTF_8).length);
  }
}
