package io.emporium.catalog.stock;

/** The life of one order's reservation. */
enum ReservationStatus {
  /** Every line is reserved, waiting for the order to be confirmed or cancelled. */
  HELD,
  /** The order was confirmed: the units left on-hand. */
  COMMITTED,
  /** The order was cancelled: the units went back to available. */
  RELEASED,
  /** Some line was short: nothing was reserved. */
  REJECTED,
  /** The order was cancelled before its OrderPlaced was handled: a late one reserves nothing. */
  CANCELLED
}
