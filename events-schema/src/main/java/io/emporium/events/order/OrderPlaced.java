package io.emporium.events.order;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.WireType;
import java.util.List;

/** An order was created (PENDING): catalog reserves its stock, payment prepares to authorize. */
@WireType("order.OrderPlaced.v1")
public record OrderPlaced(
    String orderId,
    String checkoutId,
    Customer customer,
    List<LineItem> lines,
    Money total,
    ShippingAddress shippingAddress,
    String paymentMethodToken)
    implements OrderEvent {}
