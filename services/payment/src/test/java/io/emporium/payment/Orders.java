package io.emporium.payment;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.StockLine;
import io.emporium.events.catalog.StockReserved;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderPlaced;
import io.emporium.platform.testing.TestUsers;
import java.util.List;
import java.util.UUID;

/** Upstream events of one test order, of a new shopper of the test pool. */
public record Orders(String orderId, String customerId, Money total, String token) {

  public static final String APPROVES = "tok_4242424242424242";
  public static final String DECLINES = "tok_4000000000000002";

  /** Approves, but the simulator answers only after {@code TestPaymentProvider.SLOW_ANSWER}. */
  public static final String SLOW = "tok_4000000000000044";

  /** The simulator fails every authorization with a 500. */
  public static final String ERROR = "tok_4000000000000119";

  public static Orders paidWith(String token) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String customerId = TestUsers.forTestEnvironment().newShopper().id();
    return new Orders("ord-" + suffix, customerId, new Money(4998, "EUR"), token);
  }

  public Customer customer() {
    return new Customer(customerId, customerId + "@example.com");
  }

  public OrderPlaced placed() {
    var line = new LineItem("SKU-1", "Teapot", 2, new Money(2499, "EUR"));
    var address = new ShippingAddress("Ada", "1 Main St", null, "Paris", "75001", "FR");
    return new OrderPlaced(
        orderId, "chk-" + orderId, customer(), List.of(line), total, address, token);
  }

  public StockReserved reserved() {
    return new StockReserved(orderId, List.of(new StockLine("SKU-1", 2)));
  }

  public OrderConfirmed confirmed(String paymentId) {
    return new OrderConfirmed(
        orderId, "cart-" + orderId, customer(), placed().lines(), total, paymentId);
  }

  public OrderCancelled cancelled(CancellationReason reason) {
    return new OrderCancelled(
        orderId, "cart-" + orderId, customer(), placed().lines(), total, reason, null);
  }
}
