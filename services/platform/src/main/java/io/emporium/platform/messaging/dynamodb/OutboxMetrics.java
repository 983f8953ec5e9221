package io.emporium.platform.messaging.dynamodb;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The outbox's lag, as Micrometer meters tagged {@code store=dynamodb}: {@code
 * emporium.outbox.pending} (items waiting, counted up to {@value #COUNT_CAP} per shard), {@code
 * emporium.outbox.oldest.age} (seconds since the oldest waiting event was written), {@code
 * emporium.outbox.parked} (waiting events whose publish failed at least once), {@code
 * emporium.outbox.published} and {@code emporium.outbox.failures}. The gauges are refreshed by
 * {@link #refresh()} (a COUNT and a one-item Query per shard), never by a scrape.
 */
final class OutboxMetrics {

  static final Tags TAGS = Tags.of("store", "dynamodb");
  static final int COUNT_CAP = 10_000;

  private final DynamoDbAsyncClient dynamo;
  private final DynamoDbOutboxTable table;
  private final Clock clock;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong parked = new AtomicLong();
  private final AtomicLong oldestCreatedAtMillis = new AtomicLong();
  private final Counter published;
  private final Counter failures;

  OutboxMetrics(
      MeterRegistry registry, DynamoDbAsyncClient dynamo, DynamoDbOutboxTable table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    Gauge.builder("emporium.outbox.pending", pending, AtomicLong::get)
        .tags(TAGS)
        .description("Outbox events not yet published")
        .register(registry);
    Gauge.builder("emporium.outbox.parked", parked, AtomicLong::get)
        .tags(TAGS)
        .description("Outbox events waiting for a retry after a failed publish")
        .register(registry);
    Gauge.builder("emporium.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
        .tags(TAGS)
        .baseUnit("seconds")
        .description("Age of the oldest unpublished outbox event")
        .register(registry);
    this.published = Counter.builder("emporium.outbox.published").tags(TAGS).register(registry);
    this.failures = Counter.builder("emporium.outbox.failures").tags(TAGS).register(registry);
  }

  void published(int count) {
    published.increment(count);
  }

  void failed(int count) {
    failures.increment(count);
  }

  /** Re-reads the pending count and the oldest item of every shard. */
  Mono<Void> refresh() {
    var shards = Flux.fromIterable(table.partitions());
    Mono<Long> count = shards.concatMap(p -> count(p, false)).reduce(0L, Long::sum);
    Mono<Long> retrying = shards.concatMap(p -> count(p, true)).reduce(0L, Long::sum);
    Mono<Long> oldest = shards.concatMap(this::oldestCreatedAt).reduce(Long.MAX_VALUE, Math::min);
    return Mono.zip(count, oldest, retrying)
        .doOnNext(
            t -> {
              pending.set(t.getT1());
              oldestCreatedAtMillis.set(t.getT2() == Long.MAX_VALUE ? 0 : t.getT2());
              parked.set(t.getT3());
            })
        .then();
  }

  private Mono<Long> count(String partition, boolean onlyRetried) {
    var pages =
        dynamo.queryPaginator(
            b -> {
              byPartition(b, partition).select(Select.COUNT).limit(COUNT_CAP);
              if (onlyRetried) {
                b.filterExpression("#attempts > :zero")
                    .expressionAttributeNames(
                        Map.of(
                            "#pk", DynamoDbOutboxTable.PARTITION_KEY,
                            "#attempts", OutboxItem.ATTEMPTS))
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", AttributeValue.fromS(partition),
                            ":zero", AttributeValue.fromN("0")));
              }
            });
    return Flux.from(pages)
        .map(QueryResponse::count)
        .scan(0L, (sum, page) -> sum + page)
        .takeUntil(sum -> sum >= COUNT_CAP)
        .last(0L);
  }

  private Mono<Long> oldestCreatedAt(String partition) {
    return Mono.fromFuture(
            () ->
                dynamo.query(
                    b ->
                        byPartition(b, partition)
                            .projectionExpression("#created")
                            .expressionAttributeNames(
                                Map.of(
                                    "#pk", DynamoDbOutboxTable.PARTITION_KEY,
                                    "#created", OutboxItem.CREATED_AT))
                            .limit(1)))
        .flatMap(r -> Mono.justOrEmpty(r.items().stream().findFirst()))
        .map(item -> OutboxItem.instant(item, OutboxItem.CREATED_AT).toEpochMilli());
  }

  private QueryRequest.Builder byPartition(QueryRequest.Builder b, String partition) {
    return b.tableName(table.name())
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", DynamoDbOutboxTable.PARTITION_KEY))
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)));
  }

  private double oldestAgeSeconds() {
    long oldest = oldestCreatedAtMillis.get();
    return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
  }
}
