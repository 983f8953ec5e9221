package io.emporium.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.events.StockLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockLinesTests {

  @Test
  void mergesLinesOfTheSameSkuAndOrdersThemBySku() {
    var merged =
        StockLines.merged(
            List.of(new StockLine("B-2", 1), new StockLine("A-1", 2), new StockLine("B-2", 3)));

    assertThat(merged).containsExactly(new StockLine("A-1", 2), new StockLine("B-2", 4));
  }

  @Test
  void refusesNonPositiveQuantities() {
    assertThatThrownBy(() -> StockLines.merged(List.of(new StockLine("A-1", 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A-1");
  }

  @Test
  void stockLevelAvailableIsOnHandMinusReserved() {
    assertThat(StockLevel.of(10, 4)).isEqualTo(new StockLevel(10, 4, 6));
  }
}
