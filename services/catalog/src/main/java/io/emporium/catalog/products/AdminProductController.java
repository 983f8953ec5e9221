package io.emporium.catalog.products;

import io.emporium.catalog.admin.Admins;
import io.emporium.catalog.products.ProductRequests.NewProduct;
import io.emporium.catalog.products.ProductRequests.ProductChanges;
import io.emporium.platform.identity.CustomerId;
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
 * Changing the catalog (admins only). The caller is checked before the body is read, so a non-admin
 * gets 403 whatever it sent.
 */
@RestController
@RequestMapping(path = "/api/catalog/admin/products", consumes = MediaType.APPLICATION_JSON_VALUE)
class AdminProductController {

  private final Products products;
  private final Admins admins;

  AdminProductController(Products products, Admins admins) {
    this.products = products;
    this.admins = admins;
  }

  @Operation(summary = "Create a product with its initial stock")
  @PostMapping
  Mono<ResponseEntity<ProductView>> create(
      CustomerId customer, @Valid @RequestBody Mono<NewProduct> body) {
    return admins
        .require(customer)
        .then(body)
        .flatMap(
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
      CustomerId customer,
      @PathVariable String sku,
      @Valid @RequestBody Mono<ProductChanges> body) {
    return admins.require(customer).then(body).flatMap(p -> products.update(sku, p.fields()));
  }
}
