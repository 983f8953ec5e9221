package io.emporium.platform.messaging.r2dbc;

import io.emporium.platform.messaging.Backoff;
import io.emporium.platform.messaging.MessagingProperties;
import io.emporium.platform.messaging.OutboxSpans;
import io.emporium.platform.messaging.PublishResult;
import io.emporium.platform.messaging.SnsBatchPublisher;
import io.emporium.platform.messaging.TopicArns;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes outbox rows to this service's topic. Each round, in one transaction: claim due rows
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas split the work), publish them with PublishBatch,
 * delete what SNS accepted and reschedule the rest with exponential backoff and jitter. A crash
 * before commit leaves the rows for the next round: at-least-once, and consumers are idempotent.
 */
public final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration STATS_INTERVAL = Duration.ofSeconds(5);

  private final OutboxTable table;
  private final SnsBatchPublisher publisher;
  private final TopicArns topics;
  private final TransactionalOperator transactions;
  private final MessagingProperties.Relay settings;
  private final Backoff backoff;
  private final OutboxMetrics metrics;
  private volatile Disposable loop;
  private volatile Disposable statsLoop;

  OutboxRelay(
      OutboxTable table,
      SnsBatchPublisher publisher,
      TopicArns topics,
      TransactionalOperator transactions,
      MessagingProperties.Relay settings,
      OutboxMetrics metrics) {
    this.table = table;
    this.publisher = publisher;
    this.topics = topics;
    this.transactions = transactions;
    this.settings = settings;
    this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
    this.metrics = metrics;
  }

  /** One round: returns how many rows it claimed (0 when nothing was due). */
  public Mono<Integer> relayOnce() {
    return topics
        .ownTopic()
        .flatMap(
            topicArn ->
                transactions.transactional(
                    table
                        .claimDue(settings.batchSize())
                        .collectList()
                        .flatMap(rows -> publish(topicArn, rows))));
  }

  private Mono<Integer> publish(String topicArn, List<PendingRow> rows) {
    if (rows.isEmpty()) {
      return Mono.just(0);
    }
    return publisher
        .publish(topicArn, rows.stream().map(PendingRow::event).toList())
        .flatMap(result -> settle(rows, result))
        .thenReturn(rows.size());
  }

  private Mono<Void> settle(List<PendingRow> rows, PublishResult result) {
    metrics.published(result.published().size());
    Mono<Long> deleted =
        result.published().isEmpty()
            ? Mono.just(0L)
            : table.delete(result.published().toArray(UUID[]::new));
    Flux<Long> rescheduled =
        Flux.fromIterable(rows)
            .filter(row -> result.failed().containsKey(row.event().id()))
            .concatMap(row -> reschedule(row, result.failed().get(row.event().id())));
    return deleted.thenMany(rescheduled).then();
  }

  private Mono<Long> reschedule(PendingRow row, String error) {
    Duration delay = backoff.delay(row.attempts() + 1);
    metrics.failed(1);
    log.warn(
        "outbox publish failed: eventId={} type={} attempt={} retryIn={} reason={}",
        row.event().id(),
        row.event().type(),
        row.attempts() + 1,
        delay,
        error);
    return table.reschedule(row.event().id(), delay, error);
  }

  @Override
  public void start() {
    loop =
        OutboxSpans.detached(this::relayOnce)
            .onErrorResume(
                error -> {
                  log.warn("outbox relay round failed, retrying: {}", error.toString());
                  return Mono.delay(settings.initialBackoff()).thenReturn(0);
                })
            .flatMap(n -> n > 0 ? Mono.just(n) : Mono.delay(settings.pollInterval()).thenReturn(n))
            .repeat()
            .subscribe();
    statsLoop =
        Flux.interval(Duration.ZERO, STATS_INTERVAL)
            .concatMap(tick -> OutboxSpans.detached(table::stats).onErrorResume(e -> Mono.empty()))
            .subscribe(metrics::stats);
    log.info(
        "outbox relay started (poll {}, batch {})", settings.pollInterval(), settings.batchSize());
  }

  @Override
  public void stop() {
    if (loop != null) {
      loop.dispose();
    }
    if (statsLoop != null) {
      statsLoop.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null && !loop.isDisposed();
  }
}
