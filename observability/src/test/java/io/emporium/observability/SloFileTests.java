package io.emporium.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.observability.slo.BurnAlert;
import io.emporium.observability.slo.Runbooks;
import io.emporium.observability.slo.Slo;
import io.emporium.observability.slo.SloFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SloFileTests {

  private final SloFile slos = Generate.slos(Repo.ROOT);

  @Test
  void definesTheShopsObjectives() {
    assertThat(slos.slos())
        .extracting(Slo::name)
        .containsExactly(
            "checkout-success",
            "checkout-latency",
            "api-availability",
            "api-latency",
            "outbox-lag");
    assertThat(slos.slo("api-availability").services())
        .containsExactly("catalog", "cart", "order", "payment", "notification");
    assertThat(slos.slo("checkout-success").errorBudget()).isEqualTo(0.01);
  }

  @Test
  void everyAlertNamesARunbookThatExists() {
    for (Slo slo : slos.slos()) {
      for (BurnAlert alert : slos.alerts()) {
        assertThat(Repo.ROOT.resolve(alert.runbook(slo))).as(alert.alertName(slo)).isRegularFile();
      }
    }
    assertThat(Repo.ROOT.resolve(Runbooks.path(slos.deadLetters().alert()))).isRegularFile();
  }

  @Test
  void fastBurnWindowsAreShorterAndSteeperThanSlowBurn() {
    BurnAlert fast = slos.alerts().get(0);
    BurnAlert slow = slos.alerts().get(1);

    assertThat(fast.name()).isEqualTo("FastBurn");
    assertThat(fast.severity()).isEqualTo("page");
    assertThat(slow.name()).isEqualTo("SlowBurn");
    assertThat(fast.windows().getFirst().factor())
        .isGreaterThan(slow.windows().getFirst().factor());
    assertThat(slos.rateWindows()).containsExactly("5m", "30m", "1h", "2h", "6h", "1d", "3d");
  }

  @Test
  void rejectsAnObjectiveThatIsNotAPercentage() throws Exception {
    Path broken = Files.createTempFile("slo", ".yaml");
    Files.writeString(
        broken,
        Files.readString(Repo.ROOT.resolve(Generate.SLO_FILE))
            .replace("objective: 99.0", "objective: 100"));

    assertThatThrownBy(() -> SloFile.load(broken))
        .hasMessageContaining("objective must be a percentage");
  }
}
