package io.emporium.platform.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox's lag and health, tagged {@code store} (r2dbc, dynamodb): the gauges {@code
 * emporium.outbox.pending} (events waiting), {@code emporium.outbox.oldest.age} (seconds since the
 * oldest waiting event was written: the lag to alarm on), {@code emporium.outbox.parked} (waiting
 * events whose publish failed at least once, due again after their backoff) and {@code
 * emporium.outbox.dead.lettered} (events the relay stopped trying); the counters {@code
 * emporium.outbox.published} and {@code emporium.outbox.failures}. The gauges show the last {@link
 * OutboxStats} the relay read; only the age moves between reads.
 */
final class OutboxMetrics {

  private final AtomicReference<OutboxStats> stats = new AtomicReference<>(OutboxStats.EMPTY);
  private final Clock clock;
  private final Counter published;
  private final Counter failures;

  OutboxMetrics(MeterRegistry registry, String store, Clock clock) {
    this.clock = clock;
    Tags tags = Tags.of("store", store);
    Gauge.builder("emporium.outbox.pending", stats, s -> s.get().pending())
        .tags(tags)
        .description("Outbox events not yet published")
        .register(registry);
    Gauge.builder("emporium.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
        .tags(tags)
        .baseUnit("seconds")
        .description("Age of the oldest unpublished outbox event")
        .register(registry);
    Gauge.builder("emporium.outbox.parked", stats, s -> s.get().retrying())
        .tags(tags)
        .description("Outbox events waiting for a retry after a failed publish")
        .register(registry);
    Gauge.builder("emporium.outbox.dead.lettered", stats, s -> s.get().deadLettered())
        .tags(tags)
        .description("Outbox events the relay stopped trying (SNS rejects them for good)")
        .register(registry);
    published = Counter.builder("emporium.outbox.published").tags(tags).register(registry);
    failures = Counter.builder("emporium.outbox.failures").tags(tags).register(registry);
  }

  void stats(OutboxStats latest) {
    stats.set(latest);
  }

  void settled(int publishedCount, int failedCount) {
    published.increment(publishedCount);
    failures.increment(failedCount);
  }

  private double oldestAgeSeconds() {
    Instant oldest = stats.get().oldestCreatedAt();
    return oldest == null ? 0 : Math.max(0, clock.millis() - oldest.toEpochMilli()) / 1000.0;
  }
}
