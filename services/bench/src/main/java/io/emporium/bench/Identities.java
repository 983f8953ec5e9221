package io.emporium.bench;

import io.emporium.bench.shop.Shopper;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Who the load acts as. Until the shop requires sign-in, a shopper is a customer id sent in the
 * identity header; ids are unique per run, so runs never share carts or orders.
 */
final class Identities {

  private final String run;

  Identities(String run) {
    this.run = run;
  }

  /** {@code count} shoppers whose carts the cart phases fill and read. */
  List<Shopper> cartShoppers(int count) {
    return IntStream.range(0, count).mapToObj(i -> Shopper.byHeader(run + "-cart-" + i)).toList();
  }

  /** The {@code index}-th shopper who checks out (a fresh one each time). */
  Shopper buyer(int index) {
    return Shopper.byHeader(run + "-buyer-" + index);
  }

  /** The checkout body: email only while the shop does not know it from the account. */
  java.util.Map<String, Object> checkoutBody(Shopper shopper, String paymentToken) {
    return java.util.Map.of(
        "email", shopper.email(),
        "shippingAddress",
            java.util.Map.of(
                "name", "Bench Shopper",
                "line1", "1 Load Street",
                "city", "London",
                "postalCode", "N1 9GU",
                "country", "GB"),
        "paymentMethodToken", paymentToken);
  }
}
