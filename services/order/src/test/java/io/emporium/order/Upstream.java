package io.emporium.order;

import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.catalog.StockRejected;
import io.emporium.events.catalog.StockReserved;
import io.emporium.events.payment.PaymentAuthorized;
import io.emporium.events.payment.PaymentDeclined;
import io.emporium.platform.testing.SampleOrder;

/**
 * What the other services would publish to order, as events about one test checkout ({@link
 * SampleOrder}: 2 × MUG-1 at 12.50 and 1 × TEE-1 at 20.00 EUR); tests publish them through the
 * platform's {@link io.emporium.platform.testing.UpstreamEvents}.
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
    return order(orderId)
        .by(OrderIntegrationTest.shopper(customer))
        .fromCart("cart-" + checkoutId)
        .checkedOut(checkoutId);
  }

  public static StockReserved stockReserved(String orderId) {
    return order(orderId).reserved();
  }

  /** TEE-1 is out of stock. */
  public static StockRejected stockRejected(String orderId) {
    return order(orderId).rejected();
  }

  public static PaymentAuthorized paymentAuthorized(String orderId) {
    return order(orderId).authorized();
  }

  public static PaymentDeclined paymentDeclined(String orderId) {
    return order(orderId).declined();
  }

  private static SampleOrder order(String orderId) {
    return SampleOrder.of(orderId)
        .withLines(SampleOrder.line("MUG-1", 2, 1250), SampleOrder.line("TEE-1", 1, 2000));
  }
}
