package io.emporium.catalog.products;

import io.emporium.events.Money;
import io.emporium.platform.web.FreeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The admin API's request bodies. */
final class ProductRequests {

  static final String SKU = "[A-Z0-9][A-Z0-9-]{2,31}";

  private ProductRequests() {}

  /** {@code POST /api/catalog/admin/products}: a new product and its initial stock (default 0). */
  record NewProduct(
      @NotBlank @Pattern(regexp = SKU, message = "must be 3-32 of A-Z, 0-9 and -") String sku,
      @NotBlank @Size(max = 120) String name,
      @Size(max = 2000) @FreeText String description,
      @NotBlank @Size(max = 64) String category,
      @NotNull @Valid Price price,
      @Size(max = 500) String imageUrl,
      @Size(max = 30) Map<String, Object> attributes,
      @PositiveOrZero Integer initialStock) {

    ProductFields fields() {
      return ProductRequests.fields(name, description, category, price, imageUrl, attributes);
    }
  }

  /** {@code PUT /api/catalog/admin/products/{sku}}: replaces the product's fields. */
  record ProductChanges(
      @NotBlank @Size(max = 120) String name,
      @Size(max = 2000) @FreeText String description,
      @NotBlank @Size(max = 64) String category,
      @NotNull @Valid Price price,
      @Size(max = 500) String imageUrl,
      @Size(max = 30) Map<String, Object> attributes) {

    ProductFields fields() {
      return ProductRequests.fields(name, description, category, price, imageUrl, attributes);
    }
  }

  record Price(
      @NotNull @PositiveOrZero Long amountMinor,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
          String currency) {}

  private static ProductFields fields(
      String name,
      String description,
      String category,
      Price price,
      String imageUrl,
      Map<String, Object> attributes) {
    return new ProductFields(
        name.strip(),
        description == null ? "" : description.strip(),
        category,
        new Money(price.amountMinor(), price.currency()),
        imageUrl,
        attributes == null ? Map.of() : attributes);
  }
}
