package io.emporium.catalog.stock;

/** Stock of one sku: on hand, reserved by orders not yet confirmed, and what is left to sell. */
public record StockLevel(int onHand, int reserved, int available) {

  public static StockLevel of(int onHand, int reserved) {
    return new StockLevel(onHand, reserved, onHand - reserved);
  }
}
