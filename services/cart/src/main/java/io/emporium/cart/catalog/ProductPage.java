package io.emporium.cart.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A page of the catalog's product list: only its items matter here. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProductPage(List<Product> items) {

  Map<String, Product> bySku() {
    return items == null
        ? Map.of()
        : items.stream().collect(Collectors.toMap(Product::sku, Function.identity(), (a, b) -> a));
  }
}
