package io.emporium.order.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The checkout SLOs' metrics (observability/slo.yaml): {@code orders.placed} (Prometheus {@code
 * orders_placed_total}), {@code orders.completed} ({@code orders_completed_total}) by outcome, and
 * the histogram {@code orders.checkout.duration} ({@code orders_checkout_duration_seconds}) by
 * outcome: from checkout to the order's outcome, with buckets at the latency objectives. Outcome is
 * the only label (never an order or customer id).
 */
@Component
class OrderMetrics {

  static final String CONFIRMED = "confirmed";
  private static final String CANCELLED = "cancelled_";

  /** Bucket bounds of the checkout duration (the SLO's target is one of them). */
  static final Duration[] CHECKOUT_BUCKETS = {
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15)
  };

  private final Counter placed;
  private final Map<String, Counter> completed;
  private final Map<String, Timer> durations;

  OrderMetrics(MeterRegistry meters) {
    this.placed =
        Counter.builder("orders.placed")
            .description("Orders created from a checkout")
            .register(meters);
    var outcomes =
        Stream.of(
                CONFIRMED,
                "cancelled_out_of_stock",
                "cancelled_payment_declined",
                "cancelled_timeout")
            .toList();
    this.completed =
        outcomes.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    o -> o,
                    o ->
                        Counter.builder("orders.completed")
                            .description("Orders that reached an outcome")
                            .tag("outcome", o)
                            .register(meters)));
    this.durations =
        outcomes.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    o -> o,
                    o ->
                        Timer.builder("orders.checkout.duration")
                            .description("From checkout to the order's outcome")
                            .tag("outcome", o)
                            .serviceLevelObjectives(CHECKOUT_BUCKETS)
                            .register(meters)));
  }

  /** Counts a new order; call after its transaction committed. */
  void placed() {
    placed.increment();
  }

  /** Counts a final order; call after its transaction committed. */
  void completed(Order order, Instant at) {
    String outcome =
        order.status() == OrderStatus.CONFIRMED
            ? CONFIRMED
            : CANCELLED + order.cancellationReason().name().toLowerCase(Locale.ROOT);
    completed.get(outcome).increment();
    Duration elapsed = Duration.between(order.checkedOutAt(), at);
    durations.get(outcome).record(elapsed.isNegative() ? Duration.ZERO : elapsed);
  }
}
