package io.emporium.events.catalog;

import io.emporium.events.StockLine;
import io.emporium.events.WireType;
import java.util.List;

/** A reservation was given back to stock because its order was cancelled. */
@WireType("catalog.StockReleased.v1")
public record StockReleased(String orderId, List<StockLine> lines) implements CatalogEvent {}
