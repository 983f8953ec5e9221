package io.emporium.bench.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** docs/benchmarks.md and the table printed at the end of a run, from the run's figures. */
public final class Report {

  static final Map<Integer, String> SECTIONS =
      Map.of(
          1, "Cart add-item",
          2, "Cart read",
          3, "Order creation",
          4, "Checkout to CONFIRMED, and the saga's throughput",
          5, "AWS requests and DynamoDB capacity",
          6, "Startup and memory",
          7, "How cost grows",
          8, "The shopper SPA");

  private Report() {}

  /** The whole markdown document: {@code header} lines, then one table per section. */
  public static String markdown(List<String> header, List<Figure> figures, List<String> footer) {
    StringBuilder md = new StringBuilder();
    header.forEach(line -> md.append(line).append('\n'));
    Map<Integer, List<Figure>> bySection =
        figures.stream().collect(Collectors.groupingBy(Figure::section));
    for (int section = 1; section <= 8; section++) {
      List<Figure> rows = bySection.getOrDefault(section, List.of());
      md.append("\n## ").append(section).append(". ").append(SECTIONS.get(section)).append("\n\n");
      if (rows.isEmpty()) {
        md.append("Not measured in this run.\n");
        continue;
      }
      md.append("| figure | measured | target | | beside it, same run |\n");
      md.append("|---|---|---|---|---|\n");
      for (Figure f : rows) {
        md.append("| ")
            .append(cell(f.what()))
            .append(" | ")
            .append(cell(f.value()))
            .append(" | ")
            .append(cell(f.target()))
            .append(" | ")
            .append(f.verdict().label())
            .append(" | ")
            .append(cell(f.beside()))
            .append(" |\n");
      }
      List<Figure> noted = rows.stream().filter(f -> !f.note().isBlank()).toList();
      if (!noted.isEmpty()) {
        md.append('\n');
        noted.forEach(
            f -> md.append("- **").append(f.what()).append("**: ").append(f.note()).append('\n'));
      }
    }
    footer.forEach(line -> md.append(line).append('\n'));
    return md.toString();
  }

  /** A plain-text table for the terminal. */
  public static String table(List<Figure> figures) {
    int what = figures.stream().mapToInt(f -> f.what().length()).max().orElse(10);
    int value = figures.stream().mapToInt(f -> f.value().length()).max().orElse(10);
    int target = figures.stream().mapToInt(f -> f.target().length()).max().orElse(6);
    String format =
        "%d  %-" + what + "s  %-" + value + "s  %-" + Math.max(target, 1) + "s  %-6s  %s%n";
    StringBuilder out = new StringBuilder();
    for (Figure f : figures) {
      out.append(
          format.formatted(
              f.section(), f.what(), f.value(), f.target(), f.verdict().label(), f.beside()));
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
