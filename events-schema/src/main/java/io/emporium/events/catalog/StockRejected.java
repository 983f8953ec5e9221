package io.emporium.events.catalog;

import io.emporium.events.WireType;
import java.util.List;

/** Nothing was reserved because these lines are short (an unknown sku has 0 available). */
@WireType("catalog.StockRejected.v1")
public record StockRejected(String orderId, List<ShortLine> shortLines) implements CatalogEvent {}
