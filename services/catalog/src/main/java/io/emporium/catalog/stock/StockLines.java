package io.emporium.catalog.stock;

import io.emporium.events.StockLine;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Order lines as stock sees them. */
final class StockLines {

  private StockLines() {}

  /** One line per sku (quantities summed), in sku order: the order rows are locked in. */
  static List<StockLine> merged(List<StockLine> lines) {
    Map<String, Integer> bySku = new TreeMap<>();
    for (StockLine line : lines) {
      if (line.quantity() <= 0) {
        throw new IllegalArgumentException(
            "quantity of " + line.sku() + " must be positive: " + line.quantity());
      }
      bySku.merge(line.sku(), line.quantity(), Math::addExact);
    }
    return bySku.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList();
  }
}
