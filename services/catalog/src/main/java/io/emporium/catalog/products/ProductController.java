package io.emporium.catalog.products;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Browsing the catalog: no identity needed. */
@RestController
@RequestMapping("/api/catalog")
class ProductController {

  private final Products products;
  private final PostgresProducts store;

  ProductController(Products products, PostgresProducts store) {
    this.products = products;
    this.store = store;
  }

  @Operation(summary = "List, filter and search products")
  @GetMapping("/products")
  Mono<PageView<ProductView>> list(
      @Parameter(description = "keywords (web search syntax: \"quoted phrase\", or, -not)")
          @RequestParam(required = false)
          String q,
      @RequestParam(required = false) String category,
      @Parameter(description = "lowest price in minor units (cents), inclusive")
          @RequestParam(required = false)
          Long minPrice,
      @Parameter(description = "highest price in minor units (cents), inclusive")
          @RequestParam(required = false)
          Long maxPrice,
      @Parameter(
              description =
                  "only these skus (repeat the parameter, at most 100), e.g. a cart's lines read"
                      + " at once")
          @RequestParam(name = "sku", required = false)
          List<String> skus,
      @Parameter(description = "relevance (default with q) | name (default) | price | -price")
          @RequestParam(required = false)
          String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return Mono.fromCallable(
            () -> ProductQuery.of(q, category, minPrice, maxPrice, skus, sort, page, size))
        .flatMap(products::list);
  }

  @Operation(summary = "A product with its stock")
  @GetMapping("/products/{sku}")
  Mono<ProductView> detail(@PathVariable String sku) {
    return products.detail(sku);
  }

  @Operation(summary = "The categories, in display order")
  @GetMapping("/categories")
  Mono<List<CategoryView>> categories() {
    return store.categories().collectList();
  }
}
