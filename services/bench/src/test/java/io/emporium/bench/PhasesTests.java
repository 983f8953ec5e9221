package io.emporium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhasesTests {

  private static int at(String name) {
    return Phases.names().indexOf(name);
  }

  @Test
  void everyPhaseHasOneName() {
    List<String> names = Phases.names();

    assertThat(names).doesNotHaveDuplicates().startsWith("baseline");
  }

  @Test
  void theCartsAreSeededBeforeTheCartPhasesAndRemovedBeforeTheSagaPhases() {
    assertThat(at("seed")).isLessThan(at("add"));
    assertThat(at("read")).isLessThan(at("transaction-cost"));
    assertThat(at("capacity")).isLessThan(at("transaction-cost"));
    assertThat(at("transaction-cost"))
        .isLessThan(at("order-creation"))
        .isLessThan(at("checkout"))
        .isLessThan(at("saga"));
  }

  @Test
  void theStartupsAreMeasuredLastBesideAnIdleShop() {
    assertThat(Phases.names().getLast()).isEqualTo("startup");
  }

  @Test
  void onlyTheSagaAndStartupPhasesFitThemselvesPartByPart() {
    assertThat(Phases.ALL)
        .filteredOn(Phases.Phase::fitsItself)
        .extracting(Phases.Phase::name)
        .containsExactly("saga", "startup");
  }

  @Test
  void aSagaRateIsExpectedToTakeItsLengthAndTheSettlingOfItsOrders() {
    Settings.SagaRate fast = new Settings.SagaRate(16, java.time.Duration.ofSeconds(4));

    // 64 orders settle at about 5 a second after the 4 s of checkouts, plus 2 s.
    assertThat(Phases.sagaRate(fast))
        .isEqualTo(java.time.Duration.ofMillis(4_000 + 2_000 + 12_800));
  }
}
