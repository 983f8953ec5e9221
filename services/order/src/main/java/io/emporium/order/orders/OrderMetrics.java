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
 * {@code orders.completed} (Prometheus {@code orders_completed_total}, the dashboard's name) by
 * outcome, and {@code orders.checkout.duration}: from checkout to the order's outcome.
 */
@Component
class OrderMetrics {

  static final String CONFIRMED = "confirmed";
  private static final String CANCELLED = "cancelled_";

  private final Map<String, Counter> completed;
  private final Map<String, Timer> durations;

  OrderMetrics(MeterRegistry meters) {
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
                            .register(meters)));
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
