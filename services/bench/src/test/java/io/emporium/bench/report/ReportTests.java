package io.emporium.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTests {

  private final List<Figure> figures =
      List.of(
          new Figure(
              1,
              "add-item",
              "80 req/s",
              "≥ 2× the reference",
              Figure.Verdict.MISSED,
              "ratio 0.9",
              "moto is busy"),
          Figure.info(2, "cart read", "300 req/s", "ceiling 320 | GetItem"),
          Figure.notMeasured(8, "home page", "", "no browser"));

  @Test
  void everySectionIsListedWithItsFiguresTargetsAndVerdicts() {
    String md = Report.markdown(List.of("# Benchmarks"), figures, List.of("## Method"));

    assertThat(md).startsWith("# Benchmarks\n");
    assertThat(md)
        .contains("## 1. Cart add-item")
        .contains("## 8. The shopper SPA")
        .endsWith("## Method\n");
    assertThat(md).contains("| add-item | 80 req/s | ≥ 2× the reference | missed | ratio 0.9 |");
    assertThat(md).contains("- **add-item**: moto is busy");
    assertThat(md).contains("| cart read | 300 req/s |  |  | ceiling 320 \\| GetItem |");
    assertThat(md).contains("## 3. Order creation\n\nNot measured in this run.");
    assertThat(md).contains("| home page | not measured |").contains("- **home page**: no browser");
  }

  @Test
  void theTerminalTableHasOneLinePerFigure() {
    assertThat(Report.table(figures).lines())
        .hasSize(3)
        .anySatisfy(l -> assertThat(l).contains("missed"));
  }
}
