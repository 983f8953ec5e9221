package io.emporium.cart.carts;

import io.emporium.cart.catalog.CatalogClient;
import io.emporium.cart.catalog.CatalogUnavailableException;
import io.emporium.cart.catalog.Product;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Adds what the catalog says now (price, availability, image) to every line of a cart, with ONE
 * catalog request for the whole cart, or none beyond the product a change has just read. When the
 * catalog cannot answer, the cart is still shown: its lines' {@code currentPrice} and {@code
 * available} are then null.
 */
@Component
class CatalogNow {

  private final CatalogClient catalog;

  CatalogNow(CatalogClient catalog) {
    this.catalog = catalog;
  }

  Mono<Cart> of(Cart cart) {
    if (cart.isEmpty()) {
      return Mono.just(cart);
    }
    return catalog
        .products(cart.skus())
        .map(cart::now)
        .onErrorResume(CatalogUnavailableException.class, e -> Mono.just(cart));
  }

  /**
   * As {@link #of(Cart)} after a change to line {@code sku}, whose product the change has just read
   * ({@code known}): the catalog is asked only about the other lines, and not at all when there are
   * none (a cart's first line). When it cannot answer, the cart is shown as {@link #of(Cart)} shows
   * it.
   */
  Mono<Cart> of(Cart cart, String sku, Product known) {
    List<String> others = cart.skus().stream().filter(other -> !other.equals(sku)).toList();
    if (others.isEmpty()) {
      return Mono.just(cart.now(Map.of(sku, known)));
    }
    return catalog
        .products(others)
        .map(
            found -> {
              Map<String, Product> all = new HashMap<>(found);
              all.put(sku, known);
              return cart.now(all);
            })
        .onErrorResume(CatalogUnavailableException.class, e -> Mono.just(cart));
  }
}
