package io.emporium.events.cart;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.WireType;
import java.util.List;

/**
 * A shopper checked out a cart; the order service turns it into an order (one per checkoutId), with
 * the id {@code orderId} the cart minted (null from carts older than that field).
 */
@WireType("cart.CartCheckedOut.v1")
public record CartCheckedOut(
    String checkoutId,
    String cartId,
    Customer customer,
    List<LineItem> lines,
    Money total,
    ShippingAddress shippingAddress,
    String paymentMethodToken,
    String orderId)
    implements CartEvent {

  @Override
  public String subject() {
    return cartId;
  }
}
