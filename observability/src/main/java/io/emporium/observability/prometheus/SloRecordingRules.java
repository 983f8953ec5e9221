package io.emporium.observability.prometheus;

import io.emporium.observability.slo.Durations;
import io.emporium.observability.slo.Sli;
import io.emporium.observability.slo.Slo;
import io.emporium.observability.slo.SloFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recording rules of one SLO, per service when it is per service, labelled {@code slo} (and
 * {@code service}):
 *
 * <ul>
 *   <li>{@code slo:sli_error:ratio_rate<window>}: the error ratio over each window an alert uses;
 *   <li>{@code slo:sli_error:ratio_rate<budget window>}: over the budget's window (the average of
 *       the 5-minute ratio, as Sloth does: cheap, not weighted by traffic);
 *   <li>{@code slo:objective:ratio} and {@code slo:error_budget:remaining}: 1 = untouched, 0 =
 *       spent, below 0 = overspent;
 *   <li>{@code slo:sli_error:ratio_instant} (gauge SLIs only): 1 while the gauge is over its max.
 * </ul>
 */
public final class SloRecordingRules {

  public static final String ERROR_RATIO = "slo:sli_error:ratio_rate";
  public static final String INSTANT = "slo:sli_error:ratio_instant";
  public static final String OBJECTIVE = "slo:objective:ratio";
  public static final String BUDGET_REMAINING = "slo:error_budget:remaining";

  private SloRecordingRules() {}

  static List<Map<String, Object>> of(SloFile file, Slo slo, String service) {
    List<Map<String, Object>> rules = new ArrayList<>();
    Map<String, String> labels = labels(slo, service);
    if (slo.sli().kind() == Sli.Kind.gauge) {
      rules.add(record(INSTANT, PromQl.gaugeErrorNow(slo, service), labels));
    }
    List<String> windows = new ArrayList<>(file.rateWindows());
    String shortest = windows.getFirst();
    for (String window : windows) {
      rules.add(record(ERROR_RATIO + window, PromQl.errorRatio(slo, service, window), labels));
    }
    String budgetWindow = file.window();
    String shortestSeries = ERROR_RATIO + shortest + PromQl.recordingLabels(slo, service);
    rules.add(
        record(
            ERROR_RATIO + budgetWindow,
            "avg_over_time(" + shortestSeries + "[" + budgetWindow + "])",
            labels));
    rules.add(record(OBJECTIVE, "vector(" + PromQl.number(slo.objective() / 100) + ")", labels));
    rules.add(
        record(
            BUDGET_REMAINING,
            "1 - ("
                + ERROR_RATIO
                + budgetWindow
                + PromQl.recordingLabels(slo, service)
                + " / "
                + PromQl.number(slo.errorBudget())
                + ")",
            labels));
    return rules;
  }

  /** The series name of the error ratio over {@code window}. */
  public static String errorRatio(String window) {
    Durations.seconds(window);
    return ERROR_RATIO + window;
  }

  static Map<String, String> labels(Slo slo, String service) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("slo", slo.name());
    if (service != null) {
      labels.put("service", service);
    }
    return labels;
  }

  private static Map<String, Object> record(String name, String expr, Map<String, String> labels) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("record", name);
    rule.put("expr", expr);
    rule.put("labels", labels);
    return rule;
  }
}
