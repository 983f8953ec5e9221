package io.emporium.events.catalog;

import io.emporium.events.DomainEvent;
import io.emporium.events.Producer;

/** Events the catalog service publishes about stock reservations (one reservation per order). */
@Producer("catalog")
public sealed interface CatalogEvent extends DomainEvent
    permits StockReserved, StockRejected, StockReleased {

  String orderId();

  @Override
  default String subject() {
    return orderId();
  }
}
