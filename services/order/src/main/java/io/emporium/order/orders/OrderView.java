package io.emporium.order.orders;

import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * An order as the API shows it: where it ships, the email it notifies, why it was cancelled (or
 * null); {@code timeline} only on the single-order read (null in lists).
 */
record OrderView(
    UUID orderId,
    String checkoutId,
    OrderStatus status,
    @Nullable Cancellation cancellation,
    List<Line> lines,
    Money total,
    Address shippingAddress,
    String email,
    Instant createdAt,
    Instant updatedAt,
    @Nullable List<TimelineEntry> timeline) {

  /** Where the order ships to. */
  record Address(
      String name,
      String line1,
      @Nullable String line2,
      String city,
      String postalCode,
      String country) {

    static Address of(ShippingAddress a) {
      return new Address(a.name(), a.line1(), a.line2(), a.city(), a.postalCode(), a.country());
    }
  }

  record Line(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {

    static Line of(LineItem item) {
      return new Line(item.sku(), item.name(), item.quantity(), item.unitPrice(), item.lineTotal());
    }
  }

  static OrderView of(Order order, List<TimelineEntry> timeline) {
    return new OrderView(
        order.id(),
        order.checkoutId(),
        order.status(),
        Cancellation.of(order.cancellationReason()),
        order.lines().stream().map(Line::of).toList(),
        order.total(),
        Address.of(order.shippingAddress()),
        order.customer().email(),
        order.createdAt(),
        order.updatedAt(),
        timeline);
  }
}
