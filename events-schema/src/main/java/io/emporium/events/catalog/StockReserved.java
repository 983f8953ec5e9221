package io.emporium.events.catalog;

import io.emporium.events.StockLine;
import io.emporium.events.WireType;
import java.util.List;

/** Every line of the order is reserved. */
@WireType("catalog.StockReserved.v1")
public record StockReserved(String orderId, List<StockLine> lines) implements CatalogEvent {}
