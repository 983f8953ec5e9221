package io.emporium.catalog.products;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.catalog.stock.StockLevel;
import io.emporium.events.Money;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Products, categories and their stock in PostgreSQL; keyword search by full-text search. */
@Component
class PostgresProducts {

  private static final String COLUMNS =
      "p.sku, p.name, p.description, p.category, p.price_minor, p.currency, p.image_url,"
          + " p.attributes, coalesce(s.on_hand, 0) AS on_hand, coalesce(s.reserved, 0) AS reserved";
  private static final String FROM = ProductQuerySql.FROM;
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final DatabaseClient db;
  private final ObjectMapper json;

  PostgresProducts(DatabaseClient db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  Flux<ProductView> search(ProductQuery query) {
    String sql =
        "SELECT "
            + COLUMNS
            + (query.keywords() == null ? ", 0 AS rank" : ", ts_rank(p.search, query) AS rank")
            + ProductQuerySql.from(query)
            + " ORDER BY "
            + query.sort().orderBy()
            + " LIMIT :limit OFFSET :offset";
    return ProductQuerySql.bind(db.sql(sql), query)
        .bind("limit", query.size())
        .bind("offset", query.offset())
        .map(this::view)
        .all();
  }

  Mono<Long> count(ProductQuery query) {
    return ProductQuerySql.bind(db.sql("SELECT count(*) AS n" + ProductQuerySql.from(query)), query)
        .map(row -> row.get("n", Long.class))
        .one();
  }

  Mono<ProductView> find(String sku) {
    return db.sql("SELECT " + COLUMNS + FROM + " WHERE p.sku = :sku")
        .bind("sku", sku)
        .map(this::view)
        .one();
  }

  Flux<CategoryView> categories() {
    return db.sql(
            "SELECT c.slug, c.name, c.description, count(p.sku) AS products FROM categories c"
                + " LEFT JOIN products p ON p.category = c.slug"
                + " GROUP BY c.slug ORDER BY c.position, c.slug")
        .map(
            row ->
                new CategoryView(
                    row.get("slug", String.class),
                    row.get("name", String.class),
                    row.get("description", String.class),
                    row.get("products", Long.class)))
        .all();
  }

  Mono<Boolean> categoryExists(String slug) {
    return db.sql("SELECT 1 FROM categories WHERE slug = :slug")
        .bind("slug", slug)
        .map(row -> true)
        .one()
        .defaultIfEmpty(false);
  }

  /** Inserts the product and its stock; false when the sku is taken. */
  Mono<Boolean> insert(String sku, ProductFields fields, int onHand) {
    return fields(
            db.sql(
                "INSERT INTO products (sku, name, description, category, price_minor, currency,"
                    + " image_url, attributes) VALUES (:sku, :name, :description, :category,"
                    + " :price, :currency, :imageUrl, :attributes) ON CONFLICT (sku) DO NOTHING"),
            sku,
            fields)
        .fetch()
        .rowsUpdated()
        .filter(inserted -> inserted == 1)
        .flatMap(
            inserted ->
                db.sql("INSERT INTO stock (sku, on_hand) VALUES (:sku, :onHand)")
                    .bind("sku", sku)
                    .bind("onHand", onHand)
                    .then()
                    .thenReturn(true))
        .defaultIfEmpty(false);
  }

  /** Replaces the product's fields; false when there is no such sku. */
  Mono<Boolean> update(String sku, ProductFields fields) {
    return fields(
            db.sql(
                "UPDATE products SET name = :name, description = :description,"
                    + " category = :category, price_minor = :price, currency = :currency,"
                    + " image_url = :imageUrl, attributes = :attributes, updated_at = now()"
                    + " WHERE sku = :sku"),
            sku,
            fields)
        .fetch()
        .rowsUpdated()
        .map(updated -> updated == 1);
  }

  private GenericExecuteSpec fields(GenericExecuteSpec spec, String sku, ProductFields fields) {
    spec =
        spec.bind("sku", sku)
            .bind("name", fields.name())
            .bind("description", fields.description())
            .bind("category", fields.category())
            .bind("price", fields.price().amountMinor())
            .bind("currency", fields.price().currency())
            .bind("attributes", Json.of(write(fields.attributes())));
    return fields.imageUrl() == null
        ? spec.bindNull("imageUrl", String.class)
        : spec.bind("imageUrl", fields.imageUrl());
  }

  private ProductView view(Readable row) {
    return new ProductView(
        row.get("sku", String.class),
        row.get("name", String.class),
        row.get("description", String.class),
        row.get("category", String.class),
        new Money(row.get("price_minor", Long.class), row.get("currency", String.class).strip()),
        row.get("image_url", String.class),
        read(row.get("attributes", Json.class)),
        StockLevel.of(row.get("on_hand", Integer.class), row.get("reserved", Integer.class)));
  }

  private Map<String, Object> read(Json attributes) {
    try {
      return attributes == null ? Map.of() : json.readValue(attributes.asString(), MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("attributes are not a JSON object", e);
    }
  }

  private String write(Map<String, Object> attributes) {
    try {
      return json.writeValueAsString(attributes == null ? Map.of() : attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("attributes cannot be written as JSON", e);
    }
  }
}
