package io.emporium.cart.carts;

import io.emporium.cart.catalog.Product;

/** A change a shopper asks of their cart: {@link CartRules} judges it, the store writes it. */
sealed interface CartChange {

  String sku();

  /** Adds {@code quantity} of {@code product} at its price now (creating the line or the cart). */
  record AddItem(String sku, int quantity, Product product) implements CartChange {}

  /**
   * Sets the quantity of a line that is in the cart; {@code available} is what the catalog can sell
   * now (above it, only a decrease is taken).
   */
  record SetQuantity(String sku, int quantity, int available) implements CartChange {}

  /** Removes a line that is in the cart. */
  record RemoveItem(String sku) implements CartChange {}
}
