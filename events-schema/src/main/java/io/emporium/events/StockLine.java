package io.emporium.events;

/** A quantity of one sku, as reserved or released. */
public record StockLine(String sku, int quantity) {}
