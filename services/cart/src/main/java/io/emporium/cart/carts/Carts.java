package io.emporium.cart.carts;

import io.emporium.cart.catalog.CatalogClient;
import io.emporium.cart.catalog.Product;
import io.emporium.cart.config.CartProperties;
import io.emporium.platform.web.BusinessRuleException;
import io.emporium.platform.web.NotFoundException;
import io.emporium.platform.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reading and changing a customer's cart. Adding or setting a quantity reads the product from the
 * catalog (an unknown sku is 404, more than it can sell 409 insufficient-stock); then the store
 * writes the change ({@link CartChange}) with one conditional UpdateItem that states {@link
 * CartRules}; nothing is written when anything is refused. Every answer shows each line with what
 * the catalog says now ({@link CatalogNow}); after an add or a change, the product just read counts
 * as now, so a cart's first line costs one catalog request, not two.
 */
@Component
class Carts {

  private final DynamoDbCartStore store;
  private final CatalogClient catalog;
  private final CatalogNow now;
  private final CartProperties properties;
  private final CheckoutExpiry expiry;
  private final Counter added;

  Carts(
      DynamoDbCartStore store,
      CatalogClient catalog,
      CatalogNow now,
      CartProperties properties,
      CheckoutExpiry expiry,
      MeterRegistry meters) {
    this.store = store;
    this.catalog = catalog;
    this.now = now;
    this.properties = properties;
    this.expiry = expiry;
    this.added =
        Counter.builder("emporium.cart.items.added")
            .description("Add-item requests that changed a cart")
            .register(meters);
  }

  /** The cart; one whose checkout never heard back within the timeout is reopened first. */
  Mono<Cart> view(String customerId) {
    return store
        .find(customerId)
        .flatMap(expiry::current)
        .defaultIfEmpty(Cart.empty(customerId, properties.currency()))
        .flatMap(now::of);
  }

  Mono<Cart> add(String customerId, String sku, int quantity, Long expectedVersion) {
    return known(sku)
        .flatMap(product -> sellable(product, sku))
        .flatMap(
            product ->
                store
                    .apply(
                        customerId, new CartChange.AddItem(sku, quantity, product), expectedVersion)
                    .doOnNext(cart -> added.increment())
                    .flatMap(cart -> now.of(cart, sku, product)));
  }

  Mono<Cart> setQuantity(String customerId, String sku, int quantity, Long expectedVersion) {
    return known(sku)
        .flatMap(
            product ->
                store
                    .apply(
                        customerId,
                        new CartChange.SetQuantity(sku, quantity, product.available()),
                        expectedVersion)
                    .flatMap(cart -> now.of(cart, sku, product)));
  }

  Mono<Cart> remove(String customerId, String sku, Long expectedVersion) {
    return store
        .apply(customerId, new CartChange.RemoveItem(sku), expectedVersion)
        .flatMap(now::of);
  }

  private Mono<Product> known(String sku) {
    return catalog.product(sku).switchIfEmpty(Mono.error(() -> unknownProduct(sku)));
  }

  private Mono<Product> sellable(Product product, String sku) {
    if (product.price() == null || !properties.currency().equals(product.price().currency())) {
      return Mono.error(
          new BusinessRuleException("%s is not sold in %s".formatted(sku, properties.currency()))
              .with("sku", sku));
    }
    return Mono.just(product);
  }

  private static ProblemException unknownProduct(String sku) {
    return new NotFoundException("The catalog has no product " + sku).with("sku", sku);
  }
}
