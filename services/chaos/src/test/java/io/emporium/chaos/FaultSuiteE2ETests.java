package io.emporium.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.chaos.check.PhaseResult;
import io.emporium.chaos.check.ReportTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded fault suite ({@link SuitePlan#bounded}): the shop as separate processes under a
 * checkout load while every kind of fault is injected at once, briefly; then every invariant must
 * hold. The full run is {@code ./emporium chaos}.
 */
class FaultSuiteE2ETests {

  private static final Logger log = LoggerFactory.getLogger(FaultSuiteE2ETests.class);

  @Test
  void nothingIsLostChargedTwiceOrOversoldWhileEverythingFails() throws InterruptedException {
    Path repoRoot = Path.of("").toAbsolutePath().getParent().getParent();
    long seed = Long.getLong("emporium.chaos.seed", System.nanoTime() % 100_000);
    log.info("bounded fault suite, seed {}", seed);

    List<PhaseResult> results =
        new FaultSuite(SuitePlan.bounded(seed), line -> log.info("[chaos] {}", line))
            .run(repoRoot, repoRoot.resolve("services/chaos/target/chaos-stack"));

    String table = ReportTable.render(results);
    log.info("seed {}\n{}", seed, table);
    assertThat(results).isNotEmpty();
    assertThat(results)
        .as("seed %d:%n%s", seed, table)
        .allSatisfy(result -> assertThat(result.violations()).isEmpty());
    assertThat(results.getFirst().outcomes().placed()).isGreaterThan(0);
  }
}
