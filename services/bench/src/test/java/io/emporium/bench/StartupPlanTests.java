package io.emporium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.bench.StartupPlan.Kind;
import io.emporium.bench.StartupPlan.Step;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupPlanTests {

  private static final List<String> FIVE =
      List.of("catalog", "cart", "order", "payment", "notification");

  @Test
  void trainsEveryServiceAtOnceThenStartsEachAloneWithoutThenWithTheCache() {
    StartupPlan plan = StartupPlan.of(FIVE, Duration.ofMinutes(10));

    assertThat(plan.skipped()).isEmpty();
    assertThat(plan.steps())
        .containsExactly(
            new Step(Kind.TRAINING, FIVE),
            new Step(Kind.WITHOUT_CACHE, List.of("catalog")),
            new Step(Kind.WITH_CACHE, List.of("catalog")),
            new Step(Kind.WITHOUT_CACHE, List.of("cart")),
            new Step(Kind.WITH_CACHE, List.of("cart")),
            new Step(Kind.WITHOUT_CACHE, List.of("order")),
            new Step(Kind.WITH_CACHE, List.of("order")),
            new Step(Kind.WITHOUT_CACHE, List.of("payment")),
            new Step(Kind.WITH_CACHE, List.of("payment")),
            new Step(Kind.WITHOUT_CACHE, List.of("notification")),
            new Step(Kind.WITH_CACHE, List.of("notification")));
  }

  @Test
  void measuresOnlyTheServicesThatFitAndNeverTrainsTheOthers() {
    Duration left =
        StartupPlan.training(2).plus(StartupPlan.PER_SERVICE.multipliedBy(2)).plusSeconds(5);

    StartupPlan plan = StartupPlan.of(FIVE, left);

    assertThat(plan.measured()).containsExactly("catalog", "cart");
    assertThat(plan.skipped()).containsExactly("order", "payment", "notification");
    assertThat(plan.steps().getFirst())
        .isEqualTo(new Step(Kind.TRAINING, List.of("catalog", "cart")));
    assertThat(plan.steps()).hasSize(5);
  }

  @Test
  void measuresNothingWhenNotEvenOneServiceFits() {
    StartupPlan plan =
        StartupPlan.of(FIVE, StartupPlan.training(1).plus(StartupPlan.PER_SERVICE).minusSeconds(1));

    assertThat(plan.measured()).isEmpty();
    assertThat(plan.skipped()).isEqualTo(FIVE);
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.expected()).isZero();
  }

  @Test
  void aPlanOfEveryServiceExpectsTheExtractionAndATrainingRunAndTwoStartsEach() {
    assertThat(StartupPlan.of(FIVE, Duration.ofMinutes(10)).expected())
        .isEqualTo(
            StartupPlan.EXTRACTING
                .plus(StartupPlan.TRAINING_EACH.multipliedBy(5))
                .plus(StartupPlan.PER_SERVICE.multipliedBy(5)));
  }
}
