package io.emporium.catalog.products;

import java.util.Arrays;
import java.util.Optional;

/** The orders a product list can come in; ties are broken by sku so pages never overlap. */
enum ProductSort {
  RELEVANCE("relevance", "rank DESC, p.name, p.sku"),
  NAME("name", "p.name, p.sku"),
  PRICE("price", "p.price_minor, p.sku"),
  PRICE_DESCENDING("-price", "p.price_minor DESC, p.sku");

  private final String parameter;
  private final String orderBy;

  ProductSort(String parameter, String orderBy) {
    this.parameter = parameter;
    this.orderBy = orderBy;
  }

  String parameter() {
    return parameter;
  }

  String orderBy() {
    return orderBy;
  }

  static Optional<ProductSort> parse(String parameter) {
    return Arrays.stream(values()).filter(s -> s.parameter.equals(parameter)).findFirst();
  }
}
