package io.emporium.platform.messaging.r2dbc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The relay's lag and health: pending rows, age of the oldest (the lag to alarm on), rows parked
 * (waiting for a retry after a failed publish), rows published and publish failures.
 */
final class OutboxMetrics {

  private final AtomicReference<double[]> stats = new AtomicReference<>(new double[] {0, 0, 0});
  private final Counter published;
  private final Counter failures;

  OutboxMetrics(MeterRegistry registry) {
    Gauge.builder("emporium.outbox.pending", stats, s -> s.get()[0])
        .tag("store", "r2dbc")
        .description("outbox rows not yet published")
        .register(registry);
    Gauge.builder("emporium.outbox.oldest.age", stats, s -> s.get()[1])
        .tag("store", "r2dbc")
        .baseUnit("seconds")
        .description("age of the oldest unpublished outbox row")
        .register(registry);
    Gauge.builder("emporium.outbox.parked", stats, s -> s.get()[2])
        .tag("store", "r2dbc")
        .description("outbox rows waiting for a retry after a failed publish")
        .register(registry);
    published =
        Counter.builder("emporium.outbox.published").tag("store", "r2dbc").register(registry);
    failures = Counter.builder("emporium.outbox.failures").tag("store", "r2dbc").register(registry);
  }

  void stats(double[] pendingOldestAndParked) {
    stats.set(pendingOldestAndParked);
  }

  void published(int count) {
    published.increment(count);
  }

  void failed(int count) {
    failures.increment(count);
  }
}
