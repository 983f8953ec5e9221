package io.emporium.notification;

import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.platform.testing.SampleOrder;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;

/** Test orders of one customer, whose line's name needs escaping in an email: 2 × "Tea <Pot>". */
public final class Orders {

  private Orders() {}

  /** A new order of {@code customer}: 2 × SKU-1 "Tea &lt;Pot&gt;" at 24.99 EUR. */
  public static SampleOrder of(Customer customer) {
    return SampleOrder.create()
        .by(customer)
        .withLines(new LineItem("SKU-1", "Tea <Pot>", 2, new Money(2499, "EUR")));
  }

  /** A new shopper of the test pool, as events name them. */
  public static Customer newCustomer() {
    TestUser shopper = TestUsers.forTestEnvironment().newShopper();
    return new Customer(shopper.id(), shopper.email());
  }
}
