package io.emporium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTests {

  /**
   * A fresh clone's build before the run (`./emporium bench` builds what is stale): npm ci (13 s)
   * and the Maven package of the services, the edge, the simulator, the launcher, the bench and the
   * SPA with a warm ~/.m2: 64 s at a load average of 2–3 on two cores (2 min 8 s beside a full CI
   * run).
   */
  private static final Duration FRESH_CLONE_BUILD = Duration.ofSeconds(90);

  /** Killing the shop, writing the report, the launcher's JVM: a few seconds. */
  private static final Duration AROUND_THE_RUN = Duration.ofSeconds(10);

  @Test
  void theStandardBudgetHoldsTheShopsStartAndEveryPhaseSoNothingIsSkippedOnANormalMachine() {
    Settings standard = Settings.standard();

    assertThat(Settings.SHOP_START.plus(Phases.expected(standard)))
        .isLessThanOrEqualTo(standard.budget());
  }

  @Test
  void aFreshCloneBuildsAndRunsTheStandardBenchInUnderTenMinutes() {
    assertThat(FRESH_CLONE_BUILD.plus(Settings.standard().budget()).plus(AROUND_THE_RUN))
        .isLessThan(Duration.ofMinutes(10));
  }

  @Test
  void everyPhaseIsExpectedToTakeSomeTimeInAStandardRun() {
    Settings standard = Settings.standard();

    assertThat(Phases.ALL)
        .allSatisfy(phase -> assertThat(phase.expected().apply(standard)).isPositive());
  }

  @Test
  void aQuickRunSkipsTheStartupsAndTheBrowserAndExpectsNoTimeForThem() {
    Settings quick = Settings.quick();

    assertThat(Phases.ALL)
        .filteredOn(phase -> phase.name().equals("startup") || phase.name().equals("spa"))
        .allSatisfy(phase -> assertThat(phase.expected().apply(quick)).isZero());
  }

  @Test
  void enoughBuyersAreSignedUpForTheCapacityProbeTheMixAndEverySagaRate() {
    Settings standard = Settings.standard();
    int saga = standard.sagaRates().stream().mapToInt(Settings.SagaRate::orders).sum();
    double mix = standard.mixedOrdersPerSecond() * standard.mixed().toSeconds();

    assertThat(Baseline.buyersNeeded(standard)).isGreaterThanOrEqualTo(5 + (int) mix + saga);
  }

  @Test
  void aSagaRateOffersItsRateForItsLength() {
    assertThat(new Settings.SagaRate(16, Duration.ofSeconds(4)).orders()).isEqualTo(64);
    assertThat(new Settings.SagaRate(1, Duration.ofMillis(8_400)).orders()).isEqualTo(8);
  }

  @Test
  void theCartPhasesSignInOnlySomeOfTheCartsCustomers() {
    Settings standard = Settings.standard();

    assertThat(standard.carts()).isEqualTo(1000);
    assertThat(standard.cartShoppers()).isBetween(standard.connections(), standard.carts());
  }
}
