package io.emporium.platform.messaging.dynamodb;

import io.emporium.platform.messaging.outbox.OutboxStats;
import io.emporium.platform.messaging.outbox.OutboxStore;
import io.emporium.platform.messaging.outbox.PendingEvent;
import io.emporium.platform.messaging.outbox.Settlement;
import io.emporium.platform.messaging.outbox.SnsBatchPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The DynamoDB outbox for the relay: a round reads the due items of every shard, leases them (so
 * replicas do not publish the same item unless a lease expires), lets the relay publish them, then
 * deletes what SNS accepted and reschedules the rest, conditional on still holding the lease.
 */
public final class DynamoDbOutboxStore implements OutboxStore {

  /** Longer than any round takes (a round publishes at most batchSize events). */
  static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  private static final int LEASE_CONCURRENCY = 16;

  private final DynamoDbOutboxTable table;
  private final DynamoDbOutboxItems items;
  private final DynamoDbOutboxStats stats;
  private final Duration lease;
  private final Clock clock;
  private final String owner = UUID.randomUUID().toString();

  /**
   * The store of {@code table} with the default lease, for a relay built outside Spring (the
   * bench's relay phase).
   */
  public DynamoDbOutboxStore(DynamoDbAsyncClient dynamo, DynamoDbOutboxTable table) {
    this(dynamo, table, DEFAULT_LEASE, Clock.systemUTC());
  }

  DynamoDbOutboxStore(
      DynamoDbAsyncClient dynamo, DynamoDbOutboxTable table, Duration lease, Clock clock) {
    this.table = table;
    this.items = new DynamoDbOutboxItems(dynamo, table);
    this.stats = new DynamoDbOutboxStats(dynamo, table);
    this.lease = lease;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "dynamodb";
  }

  @Override
  public Mono<Integer> relay(int limit, Function<List<PendingEvent>, Mono<Settlement>> round) {
    Instant now = clock.instant();
    return selectDue(now, limit)
        .flatMap(
            due ->
                due.isEmpty()
                    ? Mono.just(0)
                    : leaseAll(due, now)
                        .filter(leased -> !leased.isEmpty())
                        .flatMap(leased -> publish(leased, round))
                        .thenReturn(due.size()));
  }

  @Override
  public Mono<OutboxStats> stats() {
    return stats.read();
  }

  private Mono<List<OutboxItem>> selectDue(Instant now, int limit) {
    return Flux.fromIterable(table.partitions())
        .flatMap(partition -> items.due(partition, now, limit))
        .collectSortedList(Comparator.comparing(item -> item.id().toString()))
        .map(found -> found.subList(0, wholeBatches(found.size(), limit)));
  }

  /**
   * How many of {@code found} items to take: at most the batch size, and whole PublishBatch
   * requests when there are more than ten, so a backlog goes out in full requests.
   */
  static int wholeBatches(int found, int batchSize) {
    int take = Math.min(found, batchSize);
    int max = SnsBatchPublisher.MAX_BATCH;
    return take > max ? take - take % max : take;
  }

  private Mono<List<OutboxItem>> leaseAll(List<OutboxItem> due, Instant now) {
    Instant until = now.plus(lease);
    return Flux.fromIterable(due)
        .flatMap(
            item -> items.lease(item, now, until, owner).filter(won -> won).map(won -> item),
            LEASE_CONCURRENCY)
        .collectList();
  }

  private Mono<Void> publish(
      List<OutboxItem> leased, Function<List<PendingEvent>, Mono<Settlement>> round) {
    Map<UUID, OutboxItem> byId =
        leased.stream().collect(Collectors.toMap(OutboxItem::id, Function.identity()));
    var pending =
        leased.stream().map(i -> new PendingEvent(i.toOutgoingEvent(), i.attempts())).toList();
    return round.apply(pending).flatMap(settlement -> settle(byId, settlement));
  }

  private Mono<Void> settle(Map<UUID, OutboxItem> leased, Settlement settlement) {
    Mono<Void> deletes = items.delete(settlement.published().stream().map(leased::get).toList());
    Flux<Void> retries =
        Flux.fromIterable(settlement.retries())
            .flatMap(
                r ->
                    items.reschedule(
                        leased.get(r.event().id()),
                        r.attempts(),
                        clock.instant().plus(r.delay()),
                        r.reason(),
                        owner),
                LEASE_CONCURRENCY);
    Flux<Void> dead =
        Flux.fromIterable(settlement.deadLetters())
            .flatMap(
                d ->
                    items.deadLetter(
                        leased.get(d.event().id()),
                        d.attempts(),
                        d.reason(),
                        owner,
                        clock.instant()),
                LEASE_CONCURRENCY);
    return Mono.when(deletes, retries, dead);
  }
}
