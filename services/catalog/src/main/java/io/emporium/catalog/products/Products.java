package io.emporium.catalog.products;

import io.emporium.catalog.config.CatalogProperties;
import io.emporium.platform.web.ConflictException;
import io.emporium.platform.web.FieldViolation;
import io.emporium.platform.web.NotFoundException;
import io.emporium.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The catalog's use cases: browse and search products, and the admin's create and update. */
@Service
class Products {

  private final PostgresProducts store;
  private final TransactionalOperator transactions;
  private final CatalogProperties properties;

  Products(
      PostgresProducts store, TransactionalOperator transactions, CatalogProperties properties) {
    this.store = store;
    this.transactions = transactions;
    this.properties = properties;
  }

  Mono<PageView<ProductView>> list(ProductQuery query) {
    return Mono.zip(store.search(query).collectList(), store.count(query))
        .map(page -> PageView.of(page.getT1(), query.page(), query.size(), page.getT2()));
  }

  Mono<ProductView> detail(String sku) {
    return store.find(sku).switchIfEmpty(Mono.error(() -> notFound(sku)));
  }

  Mono<ProductView> create(String sku, ProductFields fields, int initialStock) {
    Mono<ProductView> create =
        store
            .insert(sku, fields, initialStock)
            .flatMap(
                inserted ->
                    inserted
                        ? store.find(sku)
                        : Mono.error(
                            new ConflictException("A product with sku " + sku + " exists")
                                .with("sku", sku)));
    return validate(fields).then(transactions.transactional(create));
  }

  Mono<ProductView> update(String sku, ProductFields fields) {
    Mono<ProductView> update =
        store
            .update(sku, fields)
            .flatMap(updated -> updated ? store.find(sku) : Mono.error(notFound(sku)));
    return validate(fields).then(transactions.transactional(update));
  }

  private Mono<Void> validate(ProductFields fields) {
    return store
        .categoryExists(fields.category())
        .flatMap(
            known -> {
              List<FieldViolation> errors = new ArrayList<>();
              if (!known) {
                errors.add(
                    new FieldViolation("category", "is not a known category", fields.category()));
              }
              if (!properties.currency().equals(fields.price().currency())) {
                errors.add(
                    new FieldViolation(
                        "price.currency",
                        "must be the catalog's currency " + properties.currency(),
                        fields.price().currency()));
              }
              return errors.isEmpty()
                  ? Mono.<Void>empty()
                  : Mono.error(ProductQuery.invalid(errors));
            });
  }

  static ProblemException notFound(String sku) {
    return new NotFoundException("There is no product with sku " + sku).with("sku", sku);
  }
}
