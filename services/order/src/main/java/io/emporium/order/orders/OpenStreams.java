package io.emporium.order.orders;

import io.emporium.order.config.OrderProperties;
import io.emporium.platform.web.TooManyRequestsException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * How many status streams each customer holds open on this replica: at most {@code
 * emporium.order.max-status-streams}; one more is a 429 with {@code Retry-After}. A stream's permit
 * is released once, whether it completes, fails or the client goes away.
 */
@Component
class OpenStreams {

  static final Duration RETRY_AFTER = Duration.ofSeconds(10);

  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
  private final int max;

  OpenStreams(OrderProperties properties) {
    this.max = properties.maxStatusStreams();
  }

  /** A permit for one more stream of {@code customerId}, or a 429 when they hold the maximum. */
  Runnable acquire(String customerId) {
    boolean[] granted = {false};
    open.compute(
        customerId,
        (id, count) -> {
          int now = count == null ? 0 : count;
          if (now >= max) {
            return now;
          }
          granted[0] = true;
          return now + 1;
        });
    if (!granted[0]) {
      throw new TooManyRequestsException(
          "You have %d order status streams open: close one before opening another".formatted(max),
          RETRY_AFTER);
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        open.computeIfPresent(customerId, (id, count) -> count <= 1 ? null : count - 1);
      }
    };
  }
}
