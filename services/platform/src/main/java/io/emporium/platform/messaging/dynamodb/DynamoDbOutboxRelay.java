package io.emporium.platform.messaging.dynamodb;

import io.emporium.platform.messaging.MessagingProperties;
import io.emporium.platform.messaging.OutboxSpans;
import io.emporium.platform.messaging.SnsBatchPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Publishes the DynamoDB outbox to this service's topic, started and stopped with the application.
 * Rounds run back to back while there is work; an idle relay polls every {@code pollInterval},
 * slowing down to one poll a second (at most) after consecutive empty rounds; {@link #wakeUp()}
 * (e.g. after committing an outbox item) starts a round at once. Items are leased before they are
 * published, so replicas do not publish the same item unless a lease expires (at-least-once).
 */
public final class DynamoDbOutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DynamoDbOutboxRelay.class);
  private static final Duration MAX_IDLE_INTERVAL = Duration.ofSeconds(1);
  private static final Duration METRICS_INTERVAL = Duration.ofSeconds(15);

  private final RelayRound round;
  private final OutboxMetrics metrics;
  private final boolean enabled;
  private final Duration pollInterval;
  private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
  private final AtomicBoolean nudged = new AtomicBoolean();
  private volatile boolean running;
  private volatile Disposable loop;
  private volatile Disposable metricsLoop;
  private final AtomicReference<Runnable> onStopped = new AtomicReference<>();
  private int emptyRounds;

  public DynamoDbOutboxRelay(
      DynamoDbAsyncClient dynamo,
      DynamoDbOutboxTable table,
      SnsBatchPublisher publisher,
      Mono<String> topicArn,
      MessagingProperties.Relay relay,
      MeterRegistry registry) {
    this(dynamo, table, publisher, topicArn, relay.enabled(), RelaySettings.of(relay), registry);
  }

  DynamoDbOutboxRelay(
      DynamoDbAsyncClient dynamo,
      DynamoDbOutboxTable table,
      SnsBatchPublisher publisher,
      Mono<String> topicArn,
      boolean enabled,
      RelaySettings settings,
      MeterRegistry registry) {
    this.metrics = new OutboxMetrics(registry, dynamo, table, settings.clock());
    var store = new DynamoDbOutboxStore(dynamo, table);
    this.round = new RelayRound(table, store, publisher, topicArn, settings, metrics);
    this.enabled = enabled;
    this.pollInterval = settings.pollInterval();
  }

  /** Starts the next round now instead of after the idle interval. */
  public void wakeUp() {
    nudged.set(true);
    wakeUps.tryEmitNext(true);
  }

  /** One round; emits how many due items it found. */
  Mono<Integer> runOnce() {
    return round.run();
  }

  /** Re-reads the pending and oldest-age gauges. */
  Mono<Void> refreshMetrics() {
    return metrics.refresh();
  }

  @Override
  public synchronized void start() {
    if (running || !enabled) {
      return;
    }
    if (loop != null) {
      loop.dispose(); // a previous loop still finishing its last round
    }
    running = true;
    onStopped.set(null);
    loop = rounds().doFinally(signal -> runStoppedCallback()).subscribe();
    metricsLoop =
        Flux.interval(Duration.ZERO, METRICS_INTERVAL)
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    OutboxSpans.detached(metrics::refresh).onErrorResume(this::logMetricsFailure))
            .subscribe();
    log.info("DynamoDB outbox relay started");
  }

  /**
   * Stops after the current round; {@code callback} runs once it has ended. Items leased by an
   * interrupted round stay leased until their lease expires, then any replica publishes them.
   */
  @Override
  public synchronized void stop(Runnable callback) {
    if (!running) {
      callback.run();
      return;
    }
    onStopped.set(callback);
    running = false;
    metricsLoop.dispose();
    wakeUp();
    if (loop.isDisposed()) {
      runStoppedCallback();
    }
    log.info("DynamoDB outbox relay stopping");
  }

  /** Stops at once, cancelling a round in flight. */
  @Override
  public synchronized void stop() {
    running = false;
    if (loop != null) {
      loop.dispose();
      metricsLoop.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return enabled;
  }

  private Flux<Integer> rounds() {
    return OutboxSpans.detached(this::roundOrNothing)
        .flatMap(this::pauseAfter)
        .repeat(() -> running);
  }

  private Mono<Integer> roundOrNothing() {
    nudged.set(false);
    return round
        .run()
        .onErrorResume(
            error -> {
              log.warn("outbox relay round failed, retrying after a pause: {}", error.toString());
              return Mono.just(0);
            });
  }

  private Mono<Integer> pauseAfter(int found) {
    if (found > 0 || !running) {
      emptyRounds = 0;
      return Mono.just(found);
    }
    Duration idle = idleInterval(emptyRounds++);
    Mono<Boolean> nudgedMeanwhile =
        Mono.defer(() -> nudged.get() ? Mono.just(true) : Mono.delay(idle).thenReturn(false));
    return Mono.firstWithSignal(wakeUps.asFlux().next(), nudgedMeanwhile).thenReturn(found);
  }

  private Duration idleInterval(int empty) {
    Duration cap = pollInterval.compareTo(MAX_IDLE_INTERVAL) > 0 ? pollInterval : MAX_IDLE_INTERVAL;
    Duration interval = pollInterval.multipliedBy(1L << Math.min(empty, 10));
    return interval.compareTo(cap) > 0 ? cap : interval;
  }

  private void runStoppedCallback() {
    Runnable callback = onStopped.getAndSet(null);
    if (callback != null) {
      callback.run();
    }
  }

  private Mono<Void> logMetricsFailure(Throwable error) {
    log.warn("outbox metrics not refreshed: {}", error.toString());
    return Mono.empty();
  }
}
