package io.emporium.catalog.stock;

import io.emporium.platform.web.ConflictException;
import io.emporium.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Setting a sku's on-hand stock (the admins group only); never below what orders have reserved. */
@RestController
class AdminStockController {

  private final PostgresStock stock;

  AdminStockController(PostgresStock stock) {
    this.stock = stock;
  }

  record OnHand(@NotNull @PositiveOrZero Integer onHand) {}

  @Operation(summary = "Set the on-hand stock of a sku")
  @PutMapping(
      path = "/api/catalog/admin/products/{sku}/stock",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<StockLevel> set(@PathVariable String sku, @Valid @RequestBody Mono<OnHand> body) {
    return body.flatMap(
        request ->
            stock
                .setOnHand(sku, request.onHand())
                .switchIfEmpty(Mono.defer(() -> refused(sku, request.onHand()))));
  }

  private Mono<StockLevel> refused(String sku, int onHand) {
    return stock
        .level(sku)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new NotFoundException("There is no product with sku " + sku).with("sku", sku)))
        .flatMap(
            level ->
                Mono.error(
                    new ConflictException(
                            "On-hand stock cannot go below the "
                                + level.reserved()
                                + " units reserved by orders")
                        .with("sku", sku)
                        .with("onHand", onHand)
                        .with("reserved", level.reserved())));
  }
}
