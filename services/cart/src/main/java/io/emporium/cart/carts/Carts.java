package io.emporium.cart.carts;

import io.emporium.cart.catalog.CatalogClient;
import io.emporium.cart.catalog.Product;
import io.emporium.cart.config.CartProperties;
import io.emporium.platform.web.BusinessRuleException;
import io.emporium.platform.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reading and changing a customer's cart. Adding reads the product's current price from the
 * catalog; then the store writes the change ({@link CartChange}) with one conditional UpdateItem
 * that states {@link CartRules}; nothing is written when anything is refused.
 */
@Component
class Carts {

  private final DynamoDbCartStore store;
  private final CatalogClient catalog;
  private final CartProperties properties;
  private final Counter added;

  Carts(
      DynamoDbCartStore store,
      CatalogClient catalog,
      CartProperties properties,
      MeterRegistry meters) {
    this.store = store;
    this.catalog = catalog;
    this.properties = properties;
    this.added =
        Counter.builder("emporium.cart.items.added")
            .description("Add-item requests that changed a cart")
            .register(meters);
  }

  Mono<Cart> view(String customerId) {
    return store.find(customerId).defaultIfEmpty(Cart.empty(customerId, properties.currency()));
  }

  Mono<Cart> add(String customerId, String sku, int quantity, Long expectedVersion) {
    return catalog
        .product(sku)
        .switchIfEmpty(Mono.error(() -> unknownProduct(sku)))
        .flatMap(product -> sellable(product, sku))
        .flatMap(
            product ->
                store.apply(
                    customerId, new CartChange.AddItem(sku, quantity, product), expectedVersion))
        .doOnNext(cart -> added.increment());
  }

  Mono<Cart> setQuantity(String customerId, String sku, int quantity, Long expectedVersion) {
    return store.apply(customerId, new CartChange.SetQuantity(sku, quantity), expectedVersion);
  }

  Mono<Cart> remove(String customerId, String sku, Long expectedVersion) {
    return store.apply(customerId, new CartChange.RemoveItem(sku), expectedVersion);
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
    return new BusinessRuleException("The catalog has no product " + sku).with("sku", sku);
  }
}
