package io.emporium.order.orders;

import io.emporium.events.order.CancellationReason;
import io.emporium.order.orders.SagaSignal.DeadlinePassed;
import io.emporium.order.orders.SagaSignal.PaymentAuthorized;
import io.emporium.order.orders.SagaSignal.PaymentDeclined;
import io.emporium.order.orders.SagaSignal.StockRejected;
import io.emporium.order.orders.SagaSignal.StockReserved;
import java.util.List;

/**
 * The saga's rules, pure: what a signal does to an order. Late and out-of-order signals never fail:
 * a signal for a final order, or one that no longer fits (a second StockReserved), changes nothing
 * and says why. A PaymentAuthorized that overtakes StockReserved is remembered, and the
 * StockReserved then confirms the order at once.
 */
final class OrderStateMachine {

  private OrderStateMachine() {}

  /** A status the order reached, with the timeline's detail. */
  record Step(OrderStatus status, String detail) {}

  /**
   * @param order the order after the signal (the same when nothing changed)
   * @param steps the statuses it went through, in order (empty when the status did not change)
   * @param note why nothing changed, for the timeline (null when {@code steps} is not empty)
   */
  record Outcome(Order order, List<Step> steps, String note) {

    static Outcome unchanged(Order order, String note) {
      return new Outcome(order, List.of(), note);
    }

    boolean statusChanged() {
      return !steps.isEmpty();
    }
  }

  static Outcome apply(Order order, SagaSignal signal) {
    if (order.status().isFinal()) {
      return Outcome.unchanged(
          order, signal.name() + " ignored: the order is already " + order.status());
    }
    return switch (signal) {
      case StockReserved s -> stockReserved(order);
      case StockRejected s -> stockRejected(order, s.detail());
      case PaymentAuthorized p -> paymentAuthorized(order, p.paymentId());
      case PaymentDeclined p -> cancel(order, CancellationReason.PAYMENT_DECLINED, p.reasonCode());
      case DeadlinePassed d -> cancel(order, CancellationReason.TIMEOUT, d.detail());
    };
  }

  private static Outcome stockReserved(Order order) {
    if (order.status() != OrderStatus.PENDING) {
      return Outcome.unchanged(order, "StockReserved ignored: stock is already reserved");
    }
    Order reserved = order.reserveStock();
    Step step = new Step(OrderStatus.STOCK_RESERVED, "stock reserved");
    if (order.paymentId() == null) {
      return new Outcome(reserved, List.of(step), null);
    }
    Order confirmed = reserved.confirm(order.paymentId());
    return new Outcome(
        confirmed,
        List.of(
            step,
            new Step(
                OrderStatus.CONFIRMED, "payment " + order.paymentId() + " was authorized earlier")),
        null);
  }

  private static Outcome stockRejected(Order order, String detail) {
    if (order.status() != OrderStatus.PENDING) {
      return Outcome.unchanged(order, "StockRejected ignored: stock was already reserved");
    }
    return cancel(order, CancellationReason.OUT_OF_STOCK, detail);
  }

  private static Outcome paymentAuthorized(Order order, String paymentId) {
    if (order.status() == OrderStatus.STOCK_RESERVED) {
      return new Outcome(
          order.confirm(paymentId),
          List.of(new Step(OrderStatus.CONFIRMED, "payment " + paymentId + " authorized")),
          null);
    }
    if (order.paymentId() != null) {
      return Outcome.unchanged(order, "PaymentAuthorized ignored: a payment is already recorded");
    }
    return Outcome.unchanged(
        order.withPayment(paymentId),
        "payment "
            + paymentId
            + " authorized before stock was reserved: confirms on StockReserved");
  }

  private static Outcome cancel(Order order, CancellationReason reason, String detail) {
    return new Outcome(
        order.cancel(reason, detail),
        List.of(new Step(OrderStatus.CANCELLED, reason + ": " + detail)),
        null);
  }
}
