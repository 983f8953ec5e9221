package io.emporium.platform.messaging.dynamodb;

import io.emporium.platform.messaging.outbox.OutboxStats;
import java.time.Instant;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Counts the outbox for the relay's gauges: one Query per shard, projecting only the times and the
 * attempts, read up to {@value #COUNT_CAP} items per shard (a backlog larger than that is reported
 * as that many). Items are sorted by event id, which is time-ordered (UUID v7).
 */
final class DynamoDbOutboxStats {

  static final int COUNT_CAP = 10_000;

  private final DynamoDbAsyncClient dynamo;
  private final DynamoDbOutboxTable table;

  DynamoDbOutboxStats(DynamoDbAsyncClient dynamo, DynamoDbOutboxTable table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  Mono<OutboxStats> read() {
    return Flux.fromIterable(table.partitions())
        .concatMap(this::shard)
        .reduce(OutboxStats.EMPTY, DynamoDbOutboxStats::sum);
  }

  private Mono<OutboxStats> shard(String partition) {
    var pages =
        dynamo.queryPaginator(
            b ->
                b.tableName(table.name())
                    .keyConditionExpression("#pk = :pk")
                    .projectionExpression("#created, #attempts, #next")
                    .expressionAttributeNames(
                        Map.of(
                            "#pk", DynamoDbOutboxTable.PARTITION_KEY,
                            "#created", OutboxItem.CREATED_AT,
                            "#attempts", OutboxItem.ATTEMPTS,
                            "#next", OutboxItem.NEXT_ATTEMPT_AT))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))));
    return Flux.from(pages)
        .flatMapIterable(QueryResponse::items)
        .take(COUNT_CAP)
        .map(DynamoDbOutboxStats::ofItem)
        .reduce(OutboxStats.EMPTY, DynamoDbOutboxStats::sum);
  }

  private static OutboxStats ofItem(Map<String, AttributeValue> item) {
    boolean dead =
        !OutboxItem.instant(item, OutboxItem.NEXT_ATTEMPT_AT).isBefore(DynamoDbOutboxItems.NEVER);
    if (dead) {
      return new OutboxStats(0, 0, 1, null);
    }
    boolean retrying = Integer.parseInt(item.get(OutboxItem.ATTEMPTS).n()) > 0;
    return new OutboxStats(1, retrying ? 1 : 0, 0, OutboxItem.instant(item, OutboxItem.CREATED_AT));
  }

  private static OutboxStats sum(OutboxStats a, OutboxStats b) {
    return new OutboxStats(
        a.pending() + b.pending(),
        a.retrying() + b.retrying(),
        a.deadLettered() + b.deadLettered(),
        earliest(a.oldestCreatedAt(), b.oldestCreatedAt()));
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a.isBefore(b) ? a : b;
  }
}
