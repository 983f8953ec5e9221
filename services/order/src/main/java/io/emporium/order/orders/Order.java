package io.emporium.order.orders;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.order.CancellationReason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order: what was checked out and where it is in the saga. Immutable; each change returns a new
 * order and refuses transitions {@link OrderStatus#canMoveTo} does not allow.
 */
public record Order(
    UUID id,
    String checkoutId,
    String cartId,
    Customer customer,
    ShippingAddress shippingAddress,
    OrderStatus status,
    CancellationReason cancellationReason,
    String cancellationDetail,
    String paymentId,
    List<LineItem> lines,
    Money total,
    Instant checkedOutAt,
    Instant createdAt,
    Instant updatedAt,
    Instant deadline,
    long version) {

  Order reserveStock() {
    return moveTo(OrderStatus.STOCK_RESERVED, null, null, paymentId);
  }

  Order confirm(String authorizedPaymentId) {
    return moveTo(OrderStatus.CONFIRMED, null, null, authorizedPaymentId);
  }

  Order cancel(CancellationReason reason, String detail) {
    return moveTo(OrderStatus.CANCELLED, reason, detail, paymentId);
  }

  /** Remembers an authorization that arrived before the stock was reserved (no status change). */
  Order withPayment(String authorizedPaymentId) {
    if (status != OrderStatus.PENDING) {
      throw new IllegalStateException("a payment is recorded ahead only while PENDING");
    }
    return copy(status, cancellationReason, cancellationDetail, authorizedPaymentId);
  }

  private Order moveTo(
      OrderStatus next, CancellationReason reason, String detail, String newPaymentId) {
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException(status, next);
    }
    return copy(next, reason, detail, newPaymentId);
  }

  private Order copy(
      OrderStatus newStatus, CancellationReason reason, String detail, String newPaymentId) {
    return new Order(
        id,
        checkoutId,
        cartId,
        customer,
        shippingAddress,
        newStatus,
        reason,
        detail,
        newPaymentId,
        lines,
        total,
        checkedOutAt,
        createdAt,
        updatedAt,
        deadline,
        version);
  }
}
