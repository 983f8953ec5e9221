package io.emporium.platform.messaging.dynamodb;

import static io.emporium.platform.messaging.dynamodb.OutboxItem.millis;
import static io.emporium.platform.messaging.dynamodb.OutboxItem.n;
import static io.emporium.platform.messaging.dynamodb.OutboxItem.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The relay's reads and writes of outbox items: by key only (Query per shard, never Scan), every
 * state change conditional on the lease so that two replicas do not publish the same item. A dead
 * letter keeps its item with {@code nextAttemptAt} = {@link #NEVER}: never due again.
 */
final class DynamoDbOutboxItems {

  /** The {@code nextAttemptAt} of a dead letter. */
  static final Instant NEVER = Instant.ofEpochMilli(Long.MAX_VALUE);

  private static final Logger log = LoggerFactory.getLogger(DynamoDbOutboxItems.class);
  private static final int MAX_BATCH_WRITE = 25;
  private static final int DELETE_RETRIES = 5;
  private static final int MAX_PAGES_PER_SHARD = 4;
  private static final String DUE =
      "#next <= :now AND (attribute_not_exists(#until) OR #until < :now)";
  private static final Map<String, String> NAMES =
      Map.of(
          "#pk", DynamoDbOutboxTable.PARTITION_KEY,
          "#next", OutboxItem.NEXT_ATTEMPT_AT,
          "#until", OutboxItem.LEASE_UNTIL,
          "#owner", OutboxItem.LEASE_OWNER);

  private final DynamoDbAsyncClient dynamo;
  private final DynamoDbOutboxTable table;

  DynamoDbOutboxItems(DynamoDbAsyncClient dynamo, DynamoDbOutboxTable table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /**
   * Up to {@code limit} items of one shard that are due and not leased, oldest first. Reads at most
   * {@value #MAX_PAGES_PER_SHARD} pages of {@code limit} items, so a backlog of items backing off
   * (an SNS outage) does not make every poll read the whole partition.
   */
  Flux<OutboxItem> due(String partition, Instant now, int limit) {
    var pages =
        dynamo.queryPaginator(
            b ->
                b.tableName(table.name())
                    .keyConditionExpression("#pk = :pk")
                    .filterExpression(DUE)
                    .expressionAttributeNames(
                        Map.of(
                            "#pk", DynamoDbOutboxTable.PARTITION_KEY,
                            "#next", OutboxItem.NEXT_ATTEMPT_AT,
                            "#until", OutboxItem.LEASE_UNTIL))
                    .expressionAttributeValues(Map.of(":pk", s(partition), ":now", millis(now)))
                    .limit(limit));
    return Flux.from(pages)
        .take(MAX_PAGES_PER_SHARD)
        .flatMapIterable(QueryResponse::items)
        .take(limit)
        .map(OutboxItem::from);
  }

  /** Claims a due item until {@code until}; false when another replica holds or removed it. */
  Mono<Boolean> lease(OutboxItem item, Instant now, Instant until, String owner) {
    return Mono.fromFuture(
            () ->
                dynamo.updateItem(
                    b ->
                        b.tableName(table.name())
                            .key(item.key())
                            .updateExpression("SET #until = :until, #owner = :owner")
                            .conditionExpression("attribute_exists(#pk) AND " + DUE)
                            .expressionAttributeNames(NAMES)
                            .expressionAttributeValues(
                                Map.of(
                                    ":now", millis(now),
                                    ":until", millis(until),
                                    ":owner", s(owner)))))
        .thenReturn(true)
        .onErrorResume(ConditionalCheckFailedException.class, e -> Mono.just(false));
  }

  /**
   * Records a failed attempt and releases the lease, if this owner still holds it: the item is due
   * again at {@code next}.
   */
  Mono<Void> reschedule(OutboxItem item, int attempts, Instant next, String error, String owner) {
    return settle(item, attempts, next, error, owner, Map.of());
  }

  /**
   * Records the last failed attempt and releases the lease, if this owner still holds it: the item
   * is never due again ({@link #NEVER}), dead-lettered {@code at}.
   */
  Mono<Void> deadLetter(OutboxItem item, int attempts, String error, String owner, Instant at) {
    return settle(item, attempts, NEVER, error, owner, Map.of(OutboxItem.DEAD_LETTERED_AT, at));
  }

  private Mono<Void> settle(
      OutboxItem item,
      int attempts,
      Instant next,
      String error,
      String owner,
      Map<String, Instant> times) {
    var names =
        new HashMap<>(
            Map.of(
                "#attempts", OutboxItem.ATTEMPTS,
                "#next", OutboxItem.NEXT_ATTEMPT_AT,
                "#error", OutboxItem.LAST_ERROR,
                "#until", OutboxItem.LEASE_UNTIL,
                "#owner", OutboxItem.LEASE_OWNER));
    var values =
        new HashMap<>(
            Map.of(
                ":attempts", n(attempts),
                ":next", millis(next),
                ":error", s(truncate(error)),
                ":owner", s(owner)));
    StringBuilder set =
        new StringBuilder("SET #attempts = :attempts, #next = :next, #error = :error");
    times.forEach(
        (name, at) -> {
          names.put("#" + name, name);
          values.put(":" + name, millis(at));
          set.append(", #").append(name).append(" = :").append(name);
        });
    return Mono.fromFuture(
            () ->
                dynamo.updateItem(
                    b ->
                        b.tableName(table.name())
                            .key(item.key())
                            .updateExpression(set + " REMOVE #until, #owner")
                            .conditionExpression("#owner = :owner")
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)))
        .then()
        .onErrorResume(ConditionalCheckFailedException.class, e -> Mono.empty());
  }

  /** Removes published items, 25 per BatchWriteItem, retrying what DynamoDB left unprocessed. */
  Mono<Void> delete(List<OutboxItem> items) {
    return Flux.fromIterable(items)
        .map(i -> WriteRequest.builder().deleteRequest(d -> d.key(i.key())).build())
        .buffer(MAX_BATCH_WRITE)
        .concatMap(requests -> batchDelete(requests, DELETE_RETRIES))
        .then()
        .onErrorResume(
            e -> {
              log.warn("outbox deletes failed, left for their lease to expire: {}", e.toString());
              return Mono.empty();
            });
  }

  private Mono<Void> batchDelete(List<WriteRequest> requests, int retriesLeft) {
    return Mono.fromFuture(
            () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table.name(), requests))))
        .flatMap(
            response -> {
              var left = response.unprocessedItems().getOrDefault(table.name(), List.of());
              if (left.isEmpty()) {
                return Mono.empty();
              }
              if (retriesLeft == 0) {
                return Mono.error(new IllegalStateException(left.size() + " deletes unprocessed"));
              }
              Duration pause = Duration.ofMillis(50L << (DELETE_RETRIES - retriesLeft));
              return Mono.delay(pause).then(batchDelete(left, retriesLeft - 1));
            });
  }

  private static String truncate(String error) {
    String text = error == null ? "unknown" : error;
    return text.length() <= 1000 ? text : text.substring(0, 1000);
  }
}
