package io.emporium.order;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.StockLine;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.catalog.ShortLine;
import io.emporium.events.catalog.StockRejected;
import io.emporium.events.catalog.StockReserved;
import io.emporium.events.payment.PaymentAuthorized;
import io.emporium.events.payment.PaymentDeclined;
import io.emporium.platform.testing.TestUser;
import java.util.List;

/**
 * What the other services would publish to order, as events about one test checkout; tests publish
 * them through the platform's {@link io.emporium.platform.testing.UpstreamEvents}.
 */
public final class Upstream {

  private Upstream() {}

  /**
   * A checkout by the test pool's shopper called {@code customer} (its sub is the customer id),
   * from a cart older than {@code orderId}: the order service mints the id.
   */
  public static CartCheckedOut checkout(String checkoutId, String customer) {
    return checkout(checkoutId, customer, null);
  }

  /** A checkout whose cart minted the order's id. */
  public static CartCheckedOut checkout(String checkoutId, String customer, String orderId) {
    TestUser shopper = OrderIntegrationTest.shopper(customer);
    return new CartCheckedOut(
        checkoutId,
        "cart-" + checkoutId,
        new Customer(shopper.id(), shopper.email()),
        List.of(
            new LineItem("MUG-1", "Mug", 2, new Money(1250, "EUR")),
            new LineItem("TEE-1", "T-shirt", 1, new Money(2000, "EUR"))),
        new Money(4500, "EUR"),
        new ShippingAddress("Ada", "1 Main St", null, "Dublin", "D01", "IE"),
        "tok_visa",
        orderId);
  }

  public static StockReserved stockReserved(String orderId) {
    return new StockReserved(
        orderId, List.of(new StockLine("MUG-1", 2), new StockLine("TEE-1", 1)));
  }

  public static StockRejected stockRejected(String orderId) {
    return new StockRejected(orderId, List.of(new ShortLine("TEE-1", 1, 0)));
  }

  public static PaymentAuthorized paymentAuthorized(String orderId) {
    return new PaymentAuthorized(
        "pay-" + orderId, orderId, new Money(4500, "EUR"), "auth-" + orderId.substring(0, 8));
  }

  public static PaymentDeclined paymentDeclined(String orderId) {
    return new PaymentDeclined(
        "pay-" + orderId, orderId, new Money(4500, "EUR"), "card_declined", "Declined");
  }
}
