package io.emporium.cart.carts;

import io.emporium.cart.catalog.Product;
import io.emporium.events.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.lang.Nullable;

/**
 * A customer's cart, as {@code GET /api/cart} shows it. {@code cartId} names this generation of the
 * cart (a new one after an order is confirmed); it is absent while the customer never had a cart.
 */
public record Cart(
    @Nullable String cartId,
    String customerId,
    CartStatus status,
    long version,
    List<CartLine> lines,
    Money total,
    @Nullable String checkoutId) {

  static Cart empty(String customerId, String currency) {
    return new Cart(null, customerId, CartStatus.OPEN, 0, List.of(), new Money(0, currency), null);
  }

  static Cart of(
      String cartId,
      String customerId,
      CartStatus status,
      long version,
      List<CartLine> lines,
      String currency,
      String checkoutId) {
    Money total =
        lines.stream().map(CartLine::lineTotal).reduce(new Money(0, currency), Money::plus);
    return new Cart(cartId, customerId, status, version, lines, total, checkoutId);
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  Optional<CartLine> line(String sku) {
    return lines.stream().filter(l -> l.sku().equals(sku)).findFirst();
  }

  /** This cart with what the catalog says now about each line ({@code products} by sku). */
  Cart now(Map<String, Product> products) {
    List<CartLine> current = lines.stream().map(l -> l.now(products.get(l.sku()))).toList();
    return new Cart(cartId, customerId, status, version, current, total, checkoutId);
  }

  List<String> skus() {
    return lines.stream().map(CartLine::sku).toList();
  }
}
