package io.emporium.chaos.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** An order as the order service keeps it, with when it settled (null while open). */
public record OrderRecord(
    String orderId,
    String checkoutId,
    String status,
    String cancellationReason,
    Map<String, Integer> lines,
    Instant checkedOutAt,
    Instant settledAt) {

  public boolean confirmed() {
    return "CONFIRMED".equals(status);
  }

  public boolean cancelled() {
    return "CANCELLED".equals(status);
  }

  public boolean settled() {
    return confirmed() || cancelled();
  }

  /** From the checkout to the outcome. */
  public Duration sagaLatency() {
    return Duration.between(checkedOutAt, settledAt);
  }
}
