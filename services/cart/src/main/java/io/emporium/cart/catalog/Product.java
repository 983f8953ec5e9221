package io.emporium.cart.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.emporium.events.Money;

/**
 * What the cart needs of a catalog product: its name, price and image now, and how many units the
 * catalog can sell ({@code stock.available}); the rest is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Product(String sku, String name, Money price, String imageUrl, Stock stock) {

  /** The catalog's stock of the product: only what is left to sell matters here. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Stock(int available) {}

  /** Units the catalog can sell now (0 when it did not say). */
  public int available() {
    return stock == null ? 0 : Math.max(0, stock.available());
  }
}
