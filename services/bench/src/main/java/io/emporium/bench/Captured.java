package io.emporium.bench;

import io.emporium.bench.proxy.Exchange;
import java.util.List;

/** What the counting proxy captured, narrowed to what a phase replays straight to moto. */
final class Captured {

  private Captured() {}

  static List<Exchange> sent(List<Exchange> captured, String operation) {
    return captured.stream()
        .filter(e -> e.call().operation().equals(operation) && e.status() < 500)
        .toList();
  }

  static List<Exchange> ok(List<Exchange> captured, String operation) {
    return captured.stream()
        .filter(e -> e.call().operation().equals(operation) && e.status() == 200)
        .toList();
  }

  static List<List<Exchange>> rounds(List<Exchange> exchanges) {
    if (exchanges.isEmpty()) {
      throw new IllegalStateException("no requests were captured to replay");
    }
    return exchanges.stream().map(List::of).toList();
  }

  /** GetItem exchanges that found a cart. */
  static List<Exchange> withItem(List<Exchange> gets) {
    return gets.stream().filter(ReferenceRequests::foundItem).toList();
  }
}
