package io.emporium.chaos;

import io.emporium.chaos.faults.Fault;
import io.emporium.chaos.load.Cards;
import java.time.Duration;

/**
 * One phase of the suite: {@code shoppers} checkouts arriving over {@code spread}, paying with
 * {@code cards}, while {@code fault} is injected; each phase buys its own skus.
 */
public record Phase(String name, int shoppers, Duration spread, Cards cards, Fault fault) {

  /** Units of each of the phase's skus: less than shoppers want, so some orders find none left. */
  int stockPerSku() {
    return Math.max(3, (int) Math.ceil(shoppers * 0.6));
  }
}
