package io.emporium.chaos.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The suite's results as a text table: one column per phase, one row per figure or invariant. */
public final class ReportTable {

  private static final int LABEL = 44;
  private static final int COLUMN = 16;

  private ReportTable() {}

  public static String render(List<PhaseResult> results) {
    List<Row> rows = rows();
    StringBuilder out = new StringBuilder();
    line(out, "", results, PhaseResult::phase);
    out.append("-".repeat(LABEL + COLUMN * results.size())).append('\n');
    for (Row row : rows) {
      line(out, row.label(), results, row.value());
    }
    out.append("-".repeat(LABEL + COLUMN * results.size())).append('\n');
    line(out, "every invariant held", results, r -> r.held() ? "yes" : "NO");
    for (PhaseResult result : results) {
      out.append('\n').append(result.phase()).append(": ").append(result.faults());
      if (!result.load().injected().isEmpty()) {
        out.append(" [").append(result.load().injected()).append(']');
      }
      result.violations().forEach(v -> out.append("\n  BROKEN: ").append(v));
      result.outcomes().lost().forEach(l -> out.append("\n    lost: ").append(l));
      result.money().orders().forEach(m -> out.append("\n    money: ").append(m));
      result.load().refusals().forEach(r -> out.append("\n  not accepted: ").append(r));
    }
    return out.append('\n').toString();
  }

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(
        new Row(
            "shoppers / checkouts accepted",
            r -> r.load().shoppers() + " / " + r.load().accepted()));
    rows.add(new Row("orders placed", r -> str(r.outcomes().placed())));
    rows.add(
        new Row(
            "  confirmed / cancelled",
            r -> r.outcomes().confirmed() + " / " + r.outcomes().cancelled()));
    rows.add(new Row("orders left non-terminal (0)", r -> str(r.outcomes().nonTerminal())));
    rows.add(new Row("orders lost (0)", r -> str(r.outcomes().lost().size())));
    rows.add(
        new Row(
            "confirmed without 1 captured auth (0)", r -> str(r.money().authorizationsWrong())));
    rows.add(new Row("cancelled with auth unvoided (0)", r -> str(r.money().unvoided())));
    rows.add(new Row("oversold units (0)", r -> str(r.stock().oversoldUnits())));
    rows.add(
        new Row(
            "skus with stock conserved (all)",
            r -> (r.stock().skus() - r.stock().skusNotConserved()) + " / " + r.stock().skus()));
    rows.add(new Row("reservations left held (0)", r -> str(r.stock().reservationsHeld())));
    rows.add(
        new Row(
            "settled orders with their 1 email (all)",
            r -> r.emails().withTheirEmail() + " / " + r.emails().settled()));
    rows.add(
        new Row(
            "poison in DLQs / injected",
            r -> r.deadLetters().poisonFound() + " / " + r.deadLetters().poisonInjected()));
    rows.add(new Row("other messages in DLQs (0)", r -> str(r.deadLetters().others().size())));
    rows.add(
        new Row(
            "poison reached its DLQ within",
            r ->
                r.deadLetters().poisonToDlq() == null
                    ? "-"
                    : Latency.seconds(r.deadLetters().poisonToDlq())));
    rows.add(new Row("saga latency p50", r -> Latency.seconds(r.latency().p50())));
    rows.add(new Row("saga latency p99", r -> Latency.seconds(r.latency().p99())));
    rows.add(new Row("saga latency max", r -> Latency.seconds(r.latency().max())));
    rows.add(new Row("drained after the faults in", r -> Latency.seconds(r.drainedIn())));
    return rows;
  }

  private static void line(
      StringBuilder out,
      String label,
      List<PhaseResult> results,
      Function<PhaseResult, String> value) {
    out.append(pad(label, LABEL));
    results.forEach(r -> out.append(pad(value.apply(r), COLUMN)));
    out.append('\n');
  }

  private static String pad(String text, int width) {
    String cut = text.length() >= width ? text.substring(0, width - 1) : text;
    return cut + " ".repeat(width - cut.length());
  }

  private static String str(int value) {
    return String.valueOf(value);
  }

  private record Row(String label, Function<PhaseResult, String> value) {}
}
