package io.emporium.order.orders;

import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.order.CancellationReason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it; {@code timeline} only on the single-order read. */
record OrderView(
    UUID orderId,
    String checkoutId,
    String customerId,
    OrderStatus status,
    CancellationReason cancellationReason,
    String cancellationDetail,
    List<Line> lines,
    Money total,
    Instant createdAt,
    Instant updatedAt,
    List<TimelineEntry> timeline) {

  record Line(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {

    static Line of(LineItem item) {
      return new Line(item.sku(), item.name(), item.quantity(), item.unitPrice(), item.lineTotal());
    }
  }

  static OrderView of(Order order, List<TimelineEntry> timeline) {
    return new OrderView(
        order.id(),
        order.checkoutId(),
        order.customer().id(),
        order.status(),
        order.cancellationReason(),
        order.cancellationDetail(),
        order.lines().stream().map(Line::of).toList(),
        order.total(),
        order.createdAt(),
        order.updatedAt(),
        timeline);
  }
}
