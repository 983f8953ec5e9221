package io.emporium.events.order;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.WireType;
import java.util.List;

/** Stock is reserved and payment authorized: the order is final. */
@WireType("order.OrderConfirmed.v1")
public record OrderConfirmed(
    String orderId,
    String cartId,
    Customer customer,
    List<LineItem> lines,
    Money total,
    String paymentId)
    implements OrderEvent {}
