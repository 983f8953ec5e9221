package io.emporium.cart.carts;

import io.emporium.events.Money;

/**
 * A line whose product changed since it was added: a new price ({@code PRICE_CHANGED}) or gone from
 * the catalog ({@code REMOVED}, the line was dropped).
 */
public record PriceChange(String sku, Kind change, Money previousPrice, Money currentPrice) {

  public enum Kind {
    PRICE_CHANGED,
    REMOVED
  }
}
