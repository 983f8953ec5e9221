package io.emporium.platform.messaging.dynamodb;

import io.emporium.platform.messaging.PublishResult;
import io.emporium.platform.messaging.SnsBatchPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One pass of the relay: read the due items of every shard, lease them, publish them together (ten
 * per PublishBatch), delete what SNS accepted and reschedule the rest with backoff.
 */
final class RelayRound {

  private static final Logger log = LoggerFactory.getLogger(RelayRound.class);
  private static final int LEASE_CONCURRENCY = 16;

  private final DynamoDbOutboxTable table;
  private final DynamoDbOutboxStore store;
  private final SnsBatchPublisher publisher;
  private final Mono<String> topicArn;
  private final Backoff backoff;
  private final OutboxMetrics metrics;
  private final Clock clock;
  private final int batchSize;
  private final Duration lease;
  private final String owner = UUID.randomUUID().toString();

  RelayRound(
      DynamoDbOutboxTable table,
      DynamoDbOutboxStore store,
      SnsBatchPublisher publisher,
      Mono<String> topicArn,
      RelaySettings settings,
      OutboxMetrics metrics) {
    this.table = table;
    this.store = store;
    this.publisher = publisher;
    this.topicArn = topicArn;
    this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
    this.metrics = metrics;
    this.clock = settings.clock();
    this.batchSize = settings.batchSize();
    this.lease = settings.lease();
  }

  /** Runs one pass; emits how many due items it found (0 when the outbox is idle). */
  Mono<Integer> run() {
    Instant now = clock.instant();
    return selectDue(now)
        .flatMap(
            items -> items.isEmpty() ? Mono.just(0) : relay(items, now).thenReturn(items.size()));
  }

  private Mono<List<OutboxItem>> selectDue(Instant now) {
    return Flux.fromIterable(table.partitions())
        .flatMap(partition -> store.due(partition, now, batchSize))
        .collectSortedList(Comparator.comparing(item -> item.id().toString()))
        .map(items -> items.subList(0, wholeBatches(items.size(), batchSize)));
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

  private Mono<Void> relay(List<OutboxItem> due, Instant now) {
    Instant until = now.plus(lease);
    return Flux.fromIterable(due)
        .flatMap(
            item -> store.lease(item, now, until, owner).filter(won -> won).map(won -> item),
            LEASE_CONCURRENCY)
        .collectList()
        .filter(leased -> !leased.isEmpty())
        .flatMap(leased -> publish(leased).flatMap(result -> settle(leased, result)));
  }

  private Mono<PublishResult> publish(List<OutboxItem> items) {
    var events = items.stream().map(OutboxItem::toOutgoingEvent).toList();
    return topicArn
        .flatMap(arn -> publisher.publish(arn, events))
        .onErrorResume(error -> Mono.just(allFailed(items, error)));
  }

  private Mono<Void> settle(List<OutboxItem> items, PublishResult result) {
    Set<UUID> published = result.published();
    var partitioned =
        items.stream().collect(Collectors.partitioningBy(i -> published.contains(i.id())));
    metrics.published(partitioned.get(true).size());
    metrics.failed(partitioned.get(false).size());
    Mono<Void> deletes = store.delete(partitioned.get(true));
    Mono<Void> retries =
        Flux.fromIterable(partitioned.get(false))
            .flatMap(item -> retryLater(item, result.failed()), LEASE_CONCURRENCY)
            .then();
    return Mono.when(deletes, retries);
  }

  private Mono<Void> retryLater(OutboxItem item, Map<UUID, String> reasons) {
    int attempts = item.attempts() + 1;
    Instant next = backoff.next(clock.instant(), attempts);
    String reason = reasons.getOrDefault(item.id(), "no result from SNS");
    log.warn(
        "outbox event {} ({}, subject {}) not published, attempt {}, retry at {}: {}",
        item.id(),
        item.type(),
        item.subject(),
        attempts,
        next,
        reason);
    return store.reschedule(item, attempts, next, reason, owner);
  }

  private static PublishResult allFailed(List<OutboxItem> items, Throwable error) {
    Map<UUID, String> failed =
        items.stream().collect(Collectors.toMap(OutboxItem::id, i -> String.valueOf(error)));
    return new PublishResult(Set.of(), failed);
  }
}
