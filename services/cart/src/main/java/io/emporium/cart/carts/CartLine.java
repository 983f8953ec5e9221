package io.emporium.cart.carts;

import io.emporium.cart.catalog.Product;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import org.springframework.lang.Nullable;

/**
 * One line as the shopper sees it. {@code unitPrice} is the snapshot taken when it was added (what
 * checkout charges after the shopper confirms a change); {@code currentPrice} and {@code available}
 * are what the catalog says now, null when it could not be asked ({@code currentPrice} also null
 * when the catalog no longer sells the product, then {@code available} is 0).
 */
public record CartLine(
    String sku,
    String name,
    int quantity,
    Money unitPrice,
    Money lineTotal,
    @Nullable String imageUrl,
    @Nullable Money currentPrice,
    @Nullable Integer available) {

  static CartLine of(String sku, String name, int quantity, Money unitPrice, String imageUrl) {
    return new CartLine(
        sku, name, quantity, unitPrice, unitPrice.times(quantity), imageUrl, null, null);
  }

  /** This line with what the catalog says now ({@code product} null: no longer sold). */
  CartLine now(Product product) {
    if (product == null) {
      return new CartLine(sku, name, quantity, unitPrice, lineTotal, imageUrl, null, 0);
    }
    String image = product.imageUrl() != null ? product.imageUrl() : imageUrl;
    return new CartLine(
        sku, name, quantity, unitPrice, lineTotal, image, product.price(), product.available());
  }

  LineItem toLineItem() {
    return new LineItem(sku, name, quantity, unitPrice);
  }
}
