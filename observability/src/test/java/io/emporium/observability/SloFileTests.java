package io.emporium.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.observability.slo.BurnAlert;
import io.emporium.observability.slo.Runbooks;
import io.emporium.observability.slo.Slo;
import io.emporium.observability.slo.SloFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * A page links to its runbook: every runbook_url of the generated rules (and every CloudWatch
   * composite's runbook) is absolute, slo.yaml's one base URL and the path of a runbook that
   * exists.
   */
  @Test
  void everyRunbookLinkIsAbsoluteUnderTheOneBaseUrl() throws Exception {
    String base = slos.runbookBaseUrl();
    List<String> links = new ArrayList<>();
    Matcher rule =
        Pattern.compile("runbook_url: (\\S+)")
            .matcher(Files.readString(Repo.ROOT.resolve(Generate.RULES)));
    while (rule.find()) {
      links.add(rule.group(1));
    }
    Matcher alarm =
        Pattern.compile("\"runbook\" : \"([^\"]+)\"")
            .matcher(Files.readString(Repo.ROOT.resolve(Generate.CLOUDWATCH)));
    while (alarm.find()) {
      links.add(alarm.group(1));
    }

    assertThat(base).startsWith("https://").endsWith("/");
    assertThat(links).hasSizeGreaterThan(slos.slos().size()).allMatch(l -> l.startsWith(base));
    assertThat(links)
        .allSatisfy(l -> assertThat(Repo.ROOT.resolve(l.substring(base.length()))).isRegularFile());
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
