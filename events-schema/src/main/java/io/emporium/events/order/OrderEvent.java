package io.emporium.events.order;

import io.emporium.events.DomainEvent;
import io.emporium.events.Producer;

/** Events the order service publishes. */
@Producer("order")
public sealed interface OrderEvent extends DomainEvent
    permits OrderPlaced, OrderConfirmed, OrderCancelled {

  String orderId();

  @Override
  default String subject() {
    return orderId();
  }
}
