package io.emporium.notification;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.payment.PaymentRefunded;
import java.util.List;
import java.util.UUID;

/** Upstream events about one test order of one customer. */
public record Orders(String orderId, Customer customer) {

  public static final Money TOTAL = new Money(4998, "EUR");

  public static Orders of(Customer customer) {
    return new Orders("ord-" + UUID.randomUUID().toString().substring(0, 8), customer);
  }

  public static Customer newCustomer() {
    String id = "cust-" + UUID.randomUUID().toString().substring(0, 8);
    return new Customer(id, id + "@example.com");
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
