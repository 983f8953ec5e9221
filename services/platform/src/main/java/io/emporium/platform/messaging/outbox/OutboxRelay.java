package io.emporium.platform.messaging.outbox;

import io.emporium.platform.health.LoopPulse;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes a service's outbox to its topic, whatever store keeps it, started and stopped with the
 * application. Rounds ({@link RelayRound}) run back to back while there is work; an idle relay
 * polls every {@code pollInterval}, slowing down to one poll a second (at most) after consecutive
 * empty rounds; an append that commits ({@link RelayWakeUp}) starts a round at once. A stop lets
 * the round in flight finish. Another replica never publishes an event this one claimed unless the
 * claim lapses (a crash): at-least-once, and consumers are idempotent.
 *
 * <p>A round that outlasts {@link RelaySettings#ROUND_TIMEOUT} is cancelled (what it claimed goes
 * back to the outbox) and the next one starts. Its {@link LoopPulse} ({@link #pulse()}, health
 * {@code outboxRelay}, metric {@code emporium.loop.idle.seconds{loop="outbox-relay"}}) shows a
 * relay that stopped going round anyway: DOWN after {@link RelaySettings#stalledAfter()}.
 */
public final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final OutboxStore store;
  private final RelayRound round;
  private final OutboxMetrics metrics;
  private final RelaySettings settings;
  private final RelayWakeUp wakeUp;
  private final LoopPulse pulse;
  private final AtomicReference<Runnable> onStopped = new AtomicReference<>();
  private volatile boolean running;
  private volatile Disposable loop;
  private volatile Disposable statsLoop;
  private int emptyRounds;

  public OutboxRelay(
      OutboxStore store,
      SnsBatchPublisher publisher,
      Mono<String> topicArn,
      RelaySettings settings,
      RelayWakeUp wakeUp,
      MeterRegistry registry) {
    this.store = store;
    this.metrics = new OutboxMetrics(registry, store.name(), settings.clock());
    this.round = new RelayRound(store, publisher, topicArn, settings, metrics);
    this.settings = settings;
    this.wakeUp = wakeUp;
    this.pulse = new LoopPulse("outbox-relay", settings.stalledAfter(), settings.clock(), registry);
  }

  /** The relay's pulse: its health (DOWN when it stopped going round) and idle-time gauge. */
  public LoopPulse pulse() {
    return pulse;
  }

  /** One round now; emits how many due events it found. */
  public Mono<Integer> runOnce() {
    return round.run();
  }

  /** Re-reads the gauges' figures from the store. */
  public Mono<Void> refreshMetrics() {
    return store.stats().doOnNext(metrics::stats).then();
  }

  @Override
  public synchronized void start() {
    if (running || !settings.enabled()) {
      return;
    }
    if (loop != null) {
      loop.dispose(); // a previous loop still finishing its last round
    }
    running = true;
    onStopped.set(null);
    loop = rounds().doFinally(signal -> runStoppedCallback()).subscribe();
    statsLoop =
        Flux.interval(Duration.ZERO, store.statsInterval())
            .onBackpressureDrop()
            .concatMap(
                tick -> OutboxSpans.detached(this::refreshMetrics).onErrorResume(this::statsFailed))
            .subscribe();
    log.info(
        "outbox relay started: store={} poll={} batch={}",
        store.name(),
        settings.pollInterval(),
        settings.batchSize());
  }

  /**
   * Stops after the round in flight; {@code callback} runs once it has ended. Events an interrupted
   * round claimed go back to the outbox (a rolled-back transaction, or a lease that expires), and
   * any replica publishes them.
   */
  @Override
  public synchronized void stop(Runnable callback) {
    if (!running) {
      callback.run();
      return;
    }
    onStopped.set(callback);
    running = false;
    statsLoop.dispose();
    wakeUp.appended(); // ends an idle pause at once
    if (loop.isDisposed()) {
      runStoppedCallback();
    }
    log.info("outbox relay stopping: store={}", store.name());
  }

  /** Stops at once, cancelling a round in flight. */
  @Override
  public synchronized void stop() {
    running = false;
    if (loop != null) {
      loop.dispose();
      statsLoop.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return settings.enabled();
  }

  private Flux<Integer> rounds() {
    return OutboxSpans.detached(this::roundOrNothing)
        .flatMap(this::pauseAfter)
        .repeat(() -> running);
  }

  private Mono<Integer> roundOrNothing() {
    wakeUp.clear();
    return pulse
        .round(round.run().timeout(RelaySettings.ROUND_TIMEOUT))
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
    Mono<Boolean> signalledMeanwhile =
        Mono.defer(() -> wakeUp.signalled() ? Mono.just(true) : Mono.delay(idle).thenReturn(false));
    return Mono.firstWithSignal(wakeUp.next(), signalledMeanwhile).thenReturn(found);
  }

  private Duration idleInterval(int empty) {
    Duration interval = settings.pollInterval().multipliedBy(1L << Math.min(empty, 10));
    Duration cap = settings.maxIdleInterval();
    return interval.compareTo(cap) > 0 ? cap : interval;
  }

  private void runStoppedCallback() {
    Runnable callback = onStopped.getAndSet(null);
    if (callback != null) {
      callback.run();
    }
  }

  private Mono<Void> statsFailed(Throwable error) {
    log.warn("outbox metrics not refreshed: {}", error.toString());
    return Mono.empty();
  }
}
