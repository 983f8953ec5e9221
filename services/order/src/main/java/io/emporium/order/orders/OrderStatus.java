package io.emporium.order.orders;

import java.util.Set;

/** Where an order is in the checkout saga. Statuses only move forward; the last two are final. */
public enum OrderStatus {
  PENDING,
  STOCK_RESERVED,
  CONFIRMED,
  CANCELLED;

  /** No event changes a final order any more. */
  public boolean isFinal() {
    return this == CONFIRMED || this == CANCELLED;
  }

  /**
   * The legal transitions: PENDING → STOCK_RESERVED → CONFIRMED, and any open status → CANCELLED.
   */
  public boolean canMoveTo(OrderStatus next) {
    return switch (this) {
      case PENDING -> Set.of(STOCK_RESERVED, CANCELLED).contains(next);
      case STOCK_RESERVED -> Set.of(CONFIRMED, CANCELLED).contains(next);
      case CONFIRMED, CANCELLED -> false;
    };
  }

  /** How far along the saga: a status stream never goes back to a lower rank. */
  int rank() {
    return isFinal() ? 2 : ordinal();
  }
}
