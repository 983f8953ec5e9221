package io.emporium.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev smoke test's report and the promotion's check of it (report-smoke, require-smoke-passed),
 * with a recording gh in place of GitHub's API.
 */
class SmokeReportTests {

  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String OTHER = "89abcdef0123456789abcdef0123456789abcdef";

  @TempDir Path tmp;
  private ThrowawayRepo repo;

  @BeforeEach
  void devRunsTwoReleases() {
    repo = ThrowawayRepo.of(tmp, "helm/cart", "helm/order", "helm/payment");
    repo.script("image-tags", "set", "dev", SHA, "cart", "order");
    repo.script("image-tags", "set", "dev", OTHER, "payment");
    repo.commitAll("dev releases");
  }

  @Test
  void reportsTheResultOnEveryImageShaDevRunsAndOnTheSyncedRevision() {
    FakeGh gh = FakeGh.in(tmp, "");
    String revision = repo.head();

    Command report =
        repo.script(gh.env(), "report-smoke", "success", "https://ci.example/runs/7", revision);

    assertThat(report.exitCode()).as(report.output()).isZero();
    assertThat(gh.calls())
        .hasSize(3)
        .allMatch(c -> c.contains("-f | state=success | -f | context=smoke/dev"))
        .allMatch(c -> c.contains("target_url=https://ci.example/runs/7"))
        .anyMatch(c -> c.contains("repos/example-org/emporium/statuses/" + SHA + " |"))
        .anyMatch(c -> c.contains("repos/example-org/emporium/statuses/" + OTHER + " |"))
        .anyMatch(c -> c.contains("repos/example-org/emporium/statuses/" + revision + " |"));
  }

  @Test
  void refusesAStateOtherThanSuccessOrFailure() {
    FakeGh gh = FakeGh.in(tmp, "");

    Command report = repo.script(gh.env(), "report-smoke", "pending", "https://ci.example/runs/7");

    assertThat(report.exitCode()).isNotZero();
    assertThat(gh.calls()).isEmpty();
  }

  @Test
  void promotionGoesAheadOnlyWhenTheDevSmokeTestPassed() {
    Command passed =
        repo.script(FakeGh.in(tmp.resolve("a"), "success").env(), "require-smoke-passed", SHA);
    Command failed =
        repo.script(FakeGh.in(tmp.resolve("b"), "failure").env(), "require-smoke-passed", SHA);
    Command never =
        repo.script(FakeGh.in(tmp.resolve("c"), "missing").env(), "require-smoke-passed", SHA);
    FakeGh asked = FakeGh.in(tmp.resolve("d"), "success");
    Command shortSha = repo.script(asked.env(), "require-smoke-passed", SHA.substring(0, 7));

    assertThat(passed.exitCode()).isZero();
    assertThat(failed.exitCode()).isNotZero();
    assertThat(failed.output()).contains("smoke/dev of " + SHA + " is 'failure'");
    assertThat(never.exitCode()).isNotZero();
    assertThat(shortSha.exitCode()).isNotZero();
    assertThat(asked.calls()).isEmpty();
  }
}
