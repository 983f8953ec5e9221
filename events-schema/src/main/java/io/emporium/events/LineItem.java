package io.emporium.events;

/**
 * One line of a cart or order: what, how many, and the unit price snapshotted when it was added.
 */
public record LineItem(String sku, String name, int quantity, Money unitPrice) {

  public Money lineTotal() {
    return unitPrice.times(quantity);
  }
}
