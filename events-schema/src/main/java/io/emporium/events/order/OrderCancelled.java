package io.emporium.events.order;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.WireType;
import java.util.List;

/**
 * The order will not be fulfilled: stock is released, any authorization refunded, the cart
 * reopened.
 */
@WireType("order.OrderCancelled.v1")
public record OrderCancelled(
    String orderId,
    String cartId,
    Customer customer,
    List<LineItem> lines,
    Money total,
    CancellationReason reason,
    String detail)
    implements OrderEvent {}
