package io.emporium.catalog.products;

import java.util.List;

/** One page of results: {@code {items, page, size, totalItems, totalPages}}. */
record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

  static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
    return new PageView<>(items, page, size, totalItems, (totalItems + size - 1) / size);
  }
}
