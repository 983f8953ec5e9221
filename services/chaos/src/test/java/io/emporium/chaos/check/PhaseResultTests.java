package io.emporium.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseResultTests {

  @Test
  void aCleanPhaseHoldsEveryInvariant() {
    PhaseResult result = result(new PhaseResult.Outcomes(10, 7, 3, 0, List.of()), List.of(), 10);

    assertThat(result.violations()).isEmpty();
    assertThat(result.held()).isTrue();
  }

  @Test
  void namesEveryBrokenInvariant() {
    PhaseResult result =
        result(
            new PhaseResult.Outcomes(
                10, 6, 2, 2, List.of("checkout c-1 of customer u-1: no record")),
            List.of("q-dlq: order.OrderPlaced.v1", "q-dlq: order.OrderPlaced.v1"),
            7);

    assertThat(result.violations())
        .containsExactly(
            "2 orders never settled",
            "1 accepted checkouts have no order",
            "1 settled orders without their one email",
            "2 other messages in DLQs: 2 × q-dlq: order.OrderPlaced.v1");
    assertThat(result.held()).isFalse();
  }

  private static PhaseResult result(
      PhaseResult.Outcomes outcomes, List<String> otherDeadLetters, int withEmail) {
    int settled = outcomes.confirmed() + outcomes.cancelled();
    return new PhaseResult(
        "kill -9",
        "kill -9 of order",
        new PhaseResult.Load(10, 10, "", List.of()),
        outcomes,
        new PhaseResult.Money(0, 0, List.of()),
        new PhaseResult.Stock(3, 0, 0, 0),
        new PhaseResult.Emails(settled, Math.min(settled, withEmail)),
        new PhaseResult.DeadLetters(0, 0, otherDeadLetters, null),
        Latency.of(List.of(Duration.ofSeconds(2))),
        Duration.ofSeconds(5),
        true);
  }
}
