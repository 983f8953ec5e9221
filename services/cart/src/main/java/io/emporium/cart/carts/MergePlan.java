package io.emporium.cart.carts;

import io.emporium.cart.catalog.Product;
import io.emporium.events.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What merging a guest cart into an account's cart comes to, decided in memory: the quantities and
 * price snapshots of the merged cart, and the guest lines it cannot take. A guest line joins an
 * existing line of the same sku (at the price now, as adding does) within the per-line and per-cart
 * limits and what the catalog can sell (more than that is "unavailable", as adding it is a 409).
 */
record MergePlan(
    Map<String, Integer> quantities, Map<String, Snapshot> snapshots, List<Merge.Skipped> skipped) {

  record Snapshot(String name, Money price, String imageUrl) {}

  /**
   * @param cart the account's cart (empty when it has none)
   * @param guest sku → quantity of the guest cart, in the shopper's order
   * @param products sku → the catalog's product (empty: unknown)
   */
  static MergePlan of(
      Optional<Cart> cart,
      Map<String, Integer> guest,
      Map<String, Optional<Product>> products,
      String currency) {
    Map<String, Integer> quantities = new LinkedHashMap<>();
    Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    cart.ifPresent(
        c ->
            c.lines()
                .forEach(
                    line -> {
                      quantities.put(line.sku(), line.quantity());
                      snapshots.put(
                          line.sku(), new Snapshot(line.name(), line.unitPrice(), line.imageUrl()));
                    }));
    List<Merge.Skipped> skipped = new ArrayList<>();
    guest.forEach(
        (sku, quantity) -> {
          Optional<Product> product = products.getOrDefault(sku, Optional.empty());
          String refusal = refusal(product, currency, quantities, sku, quantity);
          if (refusal != null) {
            skipped.add(new Merge.Skipped(sku, refusal));
            return;
          }
          quantities.merge(sku, quantity, Integer::sum);
          Product taken = product.get();
          snapshots.put(sku, new Snapshot(taken.name(), taken.price(), taken.imageUrl()));
        });
    return new MergePlan(quantities, snapshots, List.copyOf(skipped));
  }

  private static String refusal(
      Optional<Product> product,
      String currency,
      Map<String, Integer> quantities,
      String sku,
      int quantity) {
    if (product.isEmpty()) {
      return Merge.UNKNOWN;
    }
    Money price = product.get().price();
    if (price == null || !currency.equals(price.currency())) {
      return Merge.UNAVAILABLE;
    }
    Verdict verdict =
        CartRules.adding(
            quantities.size(),
            Optional.ofNullable(quantities.get(sku)),
            sku,
            quantity,
            product.get().available());
    return switch (verdict) {
      case Verdict.InsufficientStock stock -> Merge.UNAVAILABLE;
      case Verdict.Refusal limit -> Merge.OVER_LIMIT; // the line's or the cart's
      default -> null;
    };
  }
}
