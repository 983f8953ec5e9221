package io.emporium.cart.carts;

import io.emporium.cart.catalog.Product;
import io.emporium.events.Money;
import java.util.Optional;

/**
 * A line whose product changed since it was added: a new price ({@code PRICE_CHANGED}) or gone from
 * the catalog ({@code REMOVED}, the line was dropped).
 */
public record PriceChange(String sku, Kind change, Money previousPrice, Money currentPrice) {

  public enum Kind {
    PRICE_CHANGED,
    REMOVED
  }

  /** How {@code line} differs from its product now ({@code product} empty: gone), if it does. */
  static Optional<PriceChange> of(CartLine line, Optional<Product> product) {
    if (product.isEmpty()) {
      return Optional.of(new PriceChange(line.sku(), Kind.REMOVED, line.unitPrice(), null));
    }
    Money now = product.get().price();
    return line.unitPrice().equals(now)
        ? Optional.empty()
        : Optional.of(new PriceChange(line.sku(), Kind.PRICE_CHANGED, line.unitPrice(), now));
  }
}
