package io.emporium.catalog.products;

import io.emporium.catalog.products.ProductRequests.NewProduct;
import io.emporium.catalog.products.ProductRequests.ProductChanges;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Changing the catalog: members of the {@code admins} group only (the platform's security checks
 * the caller before the body is read, so anyone else gets 401/403 whatever they sent).
 */
@RestController
@RequestMapping(path = "/api/catalog/admin/products", consumes = MediaType.APPLICATION_JSON_VALUE)
class AdminProductController {

  private final Products products;

  AdminProductController(Products products) {
    this.products = products;
  }

  @Operation(summary = "Create a product with its initial stock")
  @PostMapping
  Mono<ResponseEntity<ProductView>> create(@Valid @RequestBody Mono<NewProduct> body) {
    return body.flatMap(
            p ->
                products.create(
                    p.sku(), p.fields(), p.initialStock() == null ? 0 : p.initialStock()))
        .map(
            created ->
                ResponseEntity.created(URI.create("/api/catalog/products/" + created.sku()))
                    .body(created));
  }

  @Operation(summary = "Replace a product's fields")
  @PutMapping("/{sku}")
  Mono<ProductView> update(
      @PathVariable String sku, @Valid @RequestBody Mono<ProductChanges> body) {
    return body.flatMap(p -> products.update(sku, p.fields()));
  }
}
