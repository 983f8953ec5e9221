package io.emporium.notification;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.payment.PaymentRefunded;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import java.util.List;
import java.util.UUID;

/** Upstream events about one test order of one customer. */
public record Orders(String orderId, Customer customer) {

  public static final Money TOTAL = new Money(4998, "EUR");

  public static Orders of(Customer customer) {
    return new Orders("ord-" + UUID.randomUUID().toString().substring(0, 8), customer);
  }

  /** A new shopper of the test pool, as events name them. */
  public static Customer newCustomer() {
    TestUser shopper = TestUsers.forTestEnvironment().newShopper();
    return new Customer(shopper.id(), shopper.email());
  }

  public OrderConfirmed confirmed() {
    return new OrderConfirmed(orderId, "cart-" + orderId, customer, lines(), TOTAL, "pay-1");
  }

  public OrderCancelled cancelled(CancellationReason reason, String detail) {
    return new OrderCancelled(orderId, "cart-" + orderId, customer, lines(), TOTAL, reason, detail);
  }

  public PaymentRefunded refunded() {
    return new PaymentRefunded("pay-" + orderId, orderId, customer, TOTAL);
  }

  private static List<LineItem> lines() {
    return List.of(new LineItem("SKU-1", "Tea <Pot>", 2, new Money(2499, "EUR")));
  }
}
