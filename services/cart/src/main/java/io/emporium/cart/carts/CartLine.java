package io.emporium.cart.carts;

import io.emporium.events.LineItem;
import io.emporium.events.Money;

/** One line as the shopper sees it: the unit price is the snapshot taken when it was added. */
public record CartLine(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {

  static CartLine of(String sku, String name, int quantity, Money unitPrice) {
    return new CartLine(sku, name, quantity, unitPrice, unitPrice.times(quantity));
  }

  LineItem toLineItem() {
    return new LineItem(sku, name, quantity, unitPrice);
  }
}
