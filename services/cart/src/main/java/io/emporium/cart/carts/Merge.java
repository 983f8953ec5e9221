package io.emporium.cart.carts;

import java.util.List;

/**
 * The answer of {@code POST /api/cart/merge}: the account's cart and the guest lines it could not
 * take, each with why ({@value #UNKNOWN}, {@value #UNAVAILABLE}, {@value #OVER_LIMIT}).
 */
public record Merge(Cart cart, List<Skipped> skipped) {

  static final String UNKNOWN = "unknown";
  static final String UNAVAILABLE = "unavailable";
  static final String OVER_LIMIT = "over-limit";

  public record Skipped(String sku, String reason) {}
}
