package io.emporium.catalog.products;

import io.emporium.catalog.stock.StockLevel;
import io.emporium.events.Money;
import java.util.Map;
import org.springframework.lang.Nullable;

/** A product as the API shows it, with its stock. */
record ProductView(
    String sku,
    String name,
    String description,
    String category,
    Money price,
    @Nullable String imageUrl,
    Map<String, Object> attributes,
    StockLevel stock) {}
