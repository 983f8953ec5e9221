package io.emporium.order.orders;

import java.time.Instant;
import java.util.UUID;
import org.springframework.lang.Nullable;

/** What a status stream sends: an order reached {@code status} ({@code cancellation} or null). */
public record StatusChange(
    UUID orderId, OrderStatus status, @Nullable Cancellation cancellation, Instant at) {

  static StatusChange of(Order order, Instant at) {
    return new StatusChange(
        order.id(), order.status(), Cancellation.of(order.cancellationReason()), at);
  }
}
