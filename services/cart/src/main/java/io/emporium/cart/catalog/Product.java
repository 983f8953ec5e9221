package io.emporium.cart.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.emporium.events.Money;

/** What the cart needs of a catalog product: its name and current price (the rest is ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Product(String sku, String name, Money price) {}
