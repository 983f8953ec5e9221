package io.emporium.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each phase runs. {@link #standard()} is what {@code ./emporium bench} uses:
 * its budget, counted from the bench's start (the shop's start included), holds every phase's
 * expected time ({@link Bench#PHASES}) on a normally loaded machine, and with the build of a fresh
 * clone stays under ten minutes ({@code SettingsTests}). {@link #quick()} is a smoke run that shows
 * every phase works, not a measurement.
 *
 * @param idle the idle window before the load (the CPU the first phases subtract)
 * @param warmIdle the idle window once the JVMs are warm (what later phases subtract, and the idle
 *     figures: 15 s holds whole cycles of the idle relay's 5 s polls and the outbox gauges' 15 s)
 * @param carts carts in the table during the cart phases (issue 18: 1 000)
 * @param cartShoppers of them, the carts of signed-in shoppers, which the cart phases add to and
 *     read; the others are written straight to the emulator for customers who never sign in
 * @param createdOrders the orders of the order-creation phase (the other services paused)
 * @param sagaRates the pure checkout phases: each rate offered for its length
 */
record Settings(
    Duration budget,
    Duration idle,
    Duration warmIdle,
    int connections,
    Duration warmUp,
    Duration measure,
    Duration ceiling,
    int carts,
    int cartShoppers,
    Duration mixed,
    double mixedOrdersPerSecond,
    int createdOrders,
    List<SagaRate> sagaRates,
    Duration drain,
    int relayFastRate,
    Duration relayPhase,
    int bulkProducts,
    boolean startup,
    boolean spa,
    boolean fullJit) {

  /** Checkouts offered at {@code perSecond} for {@code length}. */
  record SagaRate(double perSecond, Duration length) {
    int orders() {
      return (int) Math.round(perSecond * length.toMillis() / 1000.0);
    }
  }

  /**
   * The shop's start on two shared cores (seven JVMs at once, 39–46 s for {@code ./emporium up}
   * with C1 only; 66–75 s with the full JIT the bench starts them with), as the budget expects it.
   */
  static final Duration SHOP_START = Duration.ofSeconds(65);

  static Settings standard() {
    return new Settings(
        Duration.ofSeconds(480),
        Duration.ofSeconds(6),
        Duration.ofSeconds(15),
        16,
        Duration.ofSeconds(3),
        Duration.ofSeconds(8),
        Duration.ofSeconds(3),
        1000,
        250,
        Duration.ofSeconds(10),
        5,
        30,
        List.of(
            new SagaRate(1, Duration.ofSeconds(8)),
            new SagaRate(4, Duration.ofSeconds(5)),
            new SagaRate(16, Duration.ofSeconds(3))),
        Duration.ofSeconds(40),
        50,
        Duration.ofSeconds(3),
        99_760,
        true,
        true,
        true);
  }

  static Settings quick() {
    return new Settings(
        Duration.ofMinutes(5),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        4,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        20,
        20,
        Duration.ofSeconds(3),
        2,
        10,
        List.of(new SagaRate(1, Duration.ofSeconds(2)), new SagaRate(4, Duration.ofSeconds(2))),
        Duration.ofSeconds(30),
        10,
        Duration.ofSeconds(2),
        2_000,
        false,
        false,
        false);
  }
}
