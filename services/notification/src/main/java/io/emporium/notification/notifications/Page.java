package io.emporium.notification.notifications;

import java.util.List;

/** One page of a list, as every Emporium API pages: {@code ?page=0&size=20}. */
record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

  static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
    return new Page<>(items, page, size, totalItems, (totalItems + size - 1) / size);
  }
}
