package io.emporium.bench;

import java.time.Duration;

/**
 * How long and how hard each phase runs. {@link #standard()} is what {@code ./emporium bench} uses
 * (all phases together stay within {@link #budget()}); {@link #quick()} is a smoke run that shows
 * every phase works, not a measurement.
 */
record Settings(
    Duration budget,
    Duration idle,
    int connections,
    Duration warmUp,
    Duration measure,
    Duration ceiling,
    int carts,
    Duration mixed,
    double mixedOrdersPerSecond,
    double[] sagaRates,
    Duration sagaPhase,
    Duration drain,
    int relayFastRate,
    Duration relayPhase,
    int bulkProducts,
    boolean startup,
    boolean spa,
    boolean fullJit) {

  static Settings standard() {
    return new Settings(
        Duration.ofSeconds(450),
        Duration.ofSeconds(10),
        16,
        Duration.ofSeconds(3),
        Duration.ofSeconds(10),
        Duration.ofSeconds(6),
        1000,
        Duration.ofSeconds(20),
        5,
        new double[] {1, 4, 16},
        Duration.ofSeconds(10),
        Duration.ofSeconds(40),
        50,
        Duration.ofSeconds(6),
        99_760,
        true,
        true,
        true);
  }

  static Settings quick() {
    return new Settings(
        Duration.ofMinutes(5),
        Duration.ofSeconds(2),
        4,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        20,
        Duration.ofSeconds(3),
        2,
        new double[] {1, 4},
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        10,
        Duration.ofSeconds(2),
        2_000,
        false,
        false,
        false);
  }
}
