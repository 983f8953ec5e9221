package io.emporium.platform.messaging.r2dbc;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderPlaced;
import java.util.List;

/** Realistic events for messaging tests. */
final class TestEvents {

  private static final Customer CUSTOMER = new Customer("cust-42", "ada@example.com");
  private static final Money PRICE = new Money(1999, "EUR");
  private static final List<LineItem> LINES = List.of(new LineItem("SKU-1", "Mug", 2, PRICE));
  private static final ShippingAddress ADDRESS =
      new ShippingAddress("Ada Lovelace", "1 Analytical Way", null, "London", "N1 9GU", "GB");

  private TestEvents() {}

  static OrderPlaced orderPlaced(String orderId) {
    return new OrderPlaced(
        orderId, "chk-" + orderId, CUSTOMER, LINES, PRICE.times(2), ADDRESS, "tok_visa");
  }

  static OrderConfirmed orderConfirmed(String orderId) {
    return new OrderConfirmed(orderId, "cart-1", CUSTOMER, LINES, PRICE.times(2), "pay-" + orderId);
  }

  static CartCheckedOut cartCheckedOut(String checkoutId) {
    return new CartCheckedOut(
        checkoutId, "cart-1", CUSTOMER, LINES, PRICE.times(2), ADDRESS, "tok_visa", null);
  }
}
