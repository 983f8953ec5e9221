package io.emporium.bench.report;

/**
 * One measured figure: its section of docs/benchmarks.md (1–8), what it is, the value measured, the
 * target (empty when the issue sets none), whether the target was met, what it is compared with in
 * the same run (ceiling, reference, ratio) and, for a missed target, what limits it.
 */
public record Figure(
    int section,
    String what,
    String value,
    String target,
    Verdict verdict,
    String beside,
    String note) {

  public enum Verdict {
    MET("met"),
    MISSED("missed"),
    NONE("");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** MET when {@code ok}, else MISSED. */
    public static Verdict of(boolean ok) {
      return ok ? MET : MISSED;
    }
  }

  /** A figure without a target. */
  public static Figure info(int section, String what, String value, String beside) {
    return new Figure(section, what, value, "", Verdict.NONE, beside, "");
  }

  /** A figure that could not be measured in this run, and why. */
  public static Figure notMeasured(int section, String what, String target, String why) {
    return new Figure(section, what, "not measured", target, Verdict.NONE, "", why);
  }

  public Figure withNote(String text) {
    return new Figure(section, what, value, target, verdict, beside, text);
  }
}
