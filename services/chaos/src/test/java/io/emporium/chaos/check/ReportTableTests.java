package io.emporium.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTableTests {

  @Test
  void showsOneColumnPerPhaseAndWhatBroke() {
    PhaseResult held = phase("AWS down", 0, List.of());
    PhaseResult broken =
        phase("poison", 2, List.of("checkout c-1 of customer u-1: no record"))
            .withMoney(
                new PhaseResult.Money(
                    0, 1, List.of("order o-1 (CANCELLED, TIMEOUT): provider [AUTHORIZED]")));

    String table = ReportTable.render(List.of(held, broken));

    assertThat(table)
        .contains("AWS down")
        .contains("poison")
        .containsPattern("orders lost \\(0\\)\\s+0\\s+1")
        .containsPattern("orders left non-terminal \\(0\\)\\s+0\\s+2")
        .containsPattern("every invariant held\\s+yes\\s+NO")
        .contains("BROKEN: 2 orders never settled")
        .contains("BROKEN: 1 accepted checkouts have no order")
        .contains("    lost: checkout c-1 of customer u-1: no record")
        .contains("  not accepted: 2 × checkout: gave up (no answer in time)")
        .contains("    money: order o-1 (CANCELLED, TIMEOUT): provider [AUTHORIZED]")
        .contains("BROKEN: 1 cancelled orders still charged")
        .contains("saga latency p99");
  }

  private static PhaseResult phase(String name, int open, List<String> lost) {
    return new PhaseResult(
        name,
        "a fault",
        new PhaseResult.Load(
            12, 12, "3 AWS errors", List.of("2 × checkout: gave up (no answer in time)")),
        new PhaseResult.Outcomes(12, 8, 4 - open, open, lost),
        new PhaseResult.Money(0, 0, List.of()),
        new PhaseResult.Stock(3, 0, 0, 0),
        new PhaseResult.Emails(12 - open, 12 - open),
        new PhaseResult.DeadLetters(0, 0, List.of(), null),
        Latency.of(List.of(Duration.ofMillis(1500), Duration.ofSeconds(40))),
        Duration.ofSeconds(3),
        true);
  }
}
