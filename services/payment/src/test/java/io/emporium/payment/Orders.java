package io.emporium.payment;

import io.emporium.events.Customer;
import io.emporium.events.Money;
import io.emporium.events.catalog.StockReserved;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderPlaced;
import io.emporium.platform.testing.SampleOrder;
import io.emporium.platform.testing.TestUsers;
import java.util.UUID;

/**
 * Upstream events of one test order ({@link SampleOrder}: 2 × SKU-1 at 24.99 EUR), of a new shopper
 * of the test pool, paid with {@code token}: the simulator's test cards below decide its answer.
 */
public record Orders(String orderId, String customerId, String token) {

  public static final String APPROVES = "tok_4242424242424242";
  public static final String DECLINES = "tok_4000000000000002";

  /** Approves, but the simulator answers only after {@code TestPaymentProvider.SLOW_ANSWER}. */
  public static final String SLOW = "tok_4000000000000044";

  /** The simulator fails every authorization with a 500. */
  public static final String ERROR = "tok_4000000000000119";

  public static Orders paidWith(String token) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String customerId = TestUsers.forTestEnvironment().newShopper().id();
    return new Orders("ord-" + suffix, customerId, token);
  }

  public Customer customer() {
    return new Customer(customerId, customerId + "@example.com");
  }

  public Money total() {
    return sample().total();
  }

  public OrderPlaced placed() {
    return sample().placed();
  }

  public StockReserved reserved() {
    return sample().reserved();
  }

  public OrderConfirmed confirmed(String paymentId) {
    return sample().confirmed(paymentId);
  }

  public OrderCancelled cancelled(CancellationReason reason) {
    return sample().cancelled(reason, null);
  }

  private SampleOrder sample() {
    return SampleOrder.of(orderId)
        .by(customer())
        .withLines(SampleOrder.line("SKU-1", 2, 2499))
        .paidWith(token);
  }
}
