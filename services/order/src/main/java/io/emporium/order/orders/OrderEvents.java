package io.emporium.order.orders;

import io.emporium.events.EventIds;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderEvent;
import io.emporium.events.order.OrderPlaced;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The saga's translations between orders and events: the order a CartCheckedOut opens, and the
 * events an order announces when it is placed and when it ends. Pure functions; {@link Orders} runs
 * them in its transactions.
 */
final class OrderEvents {

  private OrderEvents() {}

  /**
   * A new PENDING order. Its deadline runs from the checkout, not from now: a CartCheckedOut that
   * arrives late (an outbox riding out an outage, a backlog, a replayed dead letter) gets no more
   * time, so no order is confirmed after its cart stopped waiting for it.
   */
  static Order pending(
      CartCheckedOut checkout, Instant checkedOutAt, Instant now, Duration sagaDeadline) {
    Instant checkedOut = checkedOutAt == null ? now : checkedOutAt;
    Instant deadlineFrom = checkedOut.isBefore(now) ? checkedOut : now;
    return new Order(
        checkout.orderId() == null ? EventIds.next() : UUID.fromString(checkout.orderId()),
        checkout.checkoutId(),
        checkout.cartId(),
        checkout.customer(),
        checkout.shippingAddress(),
        OrderStatus.PENDING,
        null,
        null,
        null,
        checkout.lines(),
        checkout.total(),
        checkedOut,
        now,
        now,
        deadlineFrom.plus(sagaDeadline),
        0);
  }

  static OrderPlaced placed(Order order, CartCheckedOut checkout) {
    return new OrderPlaced(
        order.id().toString(),
        order.checkoutId(),
        order.customer(),
        order.lines(),
        order.total(),
        checkout.shippingAddress(),
        checkout.paymentMethodToken());
  }

  static OrderEvent outcome(Order order) {
    String id = order.id().toString();
    return order.status() == OrderStatus.CONFIRMED
        ? new OrderConfirmed(
            id, order.cartId(), order.customer(), order.lines(), order.total(), order.paymentId())
        : new OrderCancelled(
            id,
            order.cartId(),
            order.customer(),
            order.lines(),
            order.total(),
            order.cancellationReason(),
            order.cancellationDetail());
  }
}
