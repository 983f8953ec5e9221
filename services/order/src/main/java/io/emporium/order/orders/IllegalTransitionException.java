package io.emporium.order.orders;

/** A status change the state machine does not allow (e.g. CONFIRMED → CANCELLED). */
public class IllegalTransitionException extends IllegalStateException {

  IllegalTransitionException(OrderStatus from, OrderStatus to) {
    super("an order cannot move from " + from + " to " + to);
  }
}
