package io.emporium.order.orders;

import io.emporium.events.order.CancellationReason;
import java.time.Instant;
import java.util.UUID;

/** What a status stream sends: an order reached {@code status}. */
public record StatusChange(
    UUID orderId,
    OrderStatus status,
    CancellationReason cancellationReason,
    String cancellationDetail,
    Instant at) {

  static StatusChange of(Order order, Instant at) {
    return new StatusChange(
        order.id(), order.status(), order.cancellationReason(), order.cancellationDetail(), at);
  }
}
