package io.emporium.cart.carts;

import io.emporium.cart.catalog.CatalogClient;
import io.emporium.cart.catalog.CatalogUnavailableException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Adds what the catalog says now (price, availability, image) to every line of a cart, with ONE
 * catalog request for the whole cart. When the catalog cannot answer, the cart is still shown: its
 * lines' {@code currentPrice} and {@code available} are then null.
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
}
