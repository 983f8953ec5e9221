package io.emporium.order.orders;

import java.util.List;

/** One page of a customer's orders. */
record OrderPage(List<OrderView> items, int page, int size, long totalItems, long totalPages) {

  static OrderPage of(List<OrderView> items, int page, int size, long totalItems) {
    return new OrderPage(items, page, size, totalItems, (totalItems + size - 1) / size);
  }
}
