package io.emporium.catalog.products;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** A {@link ProductQuery}'s filters as SQL: the FROM and WHERE clauses, and their bind values. */
final class ProductQuerySql {

  static final String FROM = " FROM products p LEFT JOIN stock s ON s.sku = p.sku";
  private static final String KEYWORDS = " CROSS JOIN websearch_to_tsquery('english', :q) AS query";

  private ProductQuerySql() {}

  static String from(ProductQuery query) {
    StringBuilder where = new StringBuilder(FROM);
    if (query.keywords() != null) {
      where.append(KEYWORDS);
    }
    where.append(" WHERE true");
    if (query.keywords() != null) {
      where.append(" AND p.search @@ query");
    }
    if (query.category() != null) {
      where.append(" AND p.category = :category");
    }
    if (query.minPrice() != null) {
      where.append(" AND p.price_minor >= :minPrice");
    }
    if (query.maxPrice() != null) {
      where.append(" AND p.price_minor <= :maxPrice");
    }
    if (!query.skus().isEmpty()) {
      where.append(" AND p.sku = ANY(:skus)");
    }
    return where.toString();
  }

  static GenericExecuteSpec bind(GenericExecuteSpec spec, ProductQuery query) {
    if (query.keywords() != null) {
      spec = spec.bind("q", query.keywords());
    }
    if (query.category() != null) {
      spec = spec.bind("category", query.category());
    }
    if (query.minPrice() != null) {
      spec = spec.bind("minPrice", query.minPrice());
    }
    if (query.maxPrice() != null) {
      spec = spec.bind("maxPrice", query.maxPrice());
    }
    if (!query.skus().isEmpty()) {
      spec = spec.bind("skus", query.skus().toArray(String[]::new));
    }
    return spec;
  }
}
