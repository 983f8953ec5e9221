package io.emporium.cart.carts;

import io.emporium.cart.catalog.CatalogClient;
import io.emporium.cart.catalog.Product;
import io.emporium.cart.config.CartProperties;
import io.emporium.platform.web.BusinessRuleException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reading and changing a customer's cart. Adding reads the product's current price from the
 * catalog, then writes the line with one conditional UpdateItem; nothing is written when anything
 * is refused.
 */
@Component
class Carts {

  private final DynamoDbCartStore store;
  private final CatalogClient catalog;
  private final CartProperties properties;
  private final CheckoutExpiry expiry;
  private final Counter added;

  Carts(
      DynamoDbCartStore store,
      CatalogClient catalog,
      CartProperties properties,
      CheckoutExpiry expiry,
      MeterRegistry meters) {
    this.store = store;
    this.catalog = catalog;
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
        .defaultIfEmpty(Cart.empty(customerId, properties.currency()));
  }

  Mono<Cart> add(String customerId, String sku, int quantity, Long expectedVersion) {
    return catalog
        .product(sku)
        .switchIfEmpty(Mono.error(() -> unknownProduct(sku)))
        .flatMap(product -> sellable(product, sku))
        .flatMap(product -> store.addItem(customerId, sku, quantity, product, expectedVersion))
        .doOnNext(cart -> added.increment());
  }

  Mono<Cart> setQuantity(String customerId, String sku, int quantity, Long expectedVersion) {
    return store.setQuantity(customerId, sku, quantity, expectedVersion);
  }

  Mono<Cart> remove(String customerId, String sku, Long expectedVersion) {
    return store.removeItem(customerId, sku, expectedVersion);
  }

  private Mono<Product> sellable(Product product, String sku) {
    if (product.price() == null || !properties.currency().equals(product.price().currency())) {
      return Mono.error(
          new BusinessRuleException("%s is not sold in %s".formatted(sku, properties.currency()))
              .with("sku", sku));
    }
    return Mono.just(product);
  }

  private static BusinessRuleException unknownProduct(String sku) {
    return (BusinessRuleException)
        new BusinessRuleException("The catalog has no product " + sku).with("sku", sku);
  }
}
