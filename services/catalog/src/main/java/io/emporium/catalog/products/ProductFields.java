package io.emporium.catalog.products;

import io.emporium.events.Money;
import java.util.Map;

/** What an admin sets on a product (everything but its sku and stock). */
record ProductFields(
    String name,
    String description,
    String category,
    Money price,
    String imageUrl,
    Map<String, Object> attributes) {}
