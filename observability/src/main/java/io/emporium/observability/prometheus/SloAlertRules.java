package io.emporium.observability.prometheus;

import io.emporium.observability.slo.BurnAlert;
import io.emporium.observability.slo.Slo;
import io.emporium.observability.slo.SloFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multi-window multi-burn-rate alerts of an SLO, from the recording rules: each {@link
 * BurnAlert} fires when any of its windows burns faster than {@code factor} × the budget over both
 * the long and the short window. Each names its runbook.
 */
public final class SloAlertRules {

  private SloAlertRules() {}

  static List<Map<String, Object>> of(SloFile file, Slo slo, String service) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (BurnAlert alert : file.alerts()) {
      rules.add(alert(file, alert, slo, service));
    }
    return rules;
  }

  /** The alert's expression: (long > f·budget and short > f·budget) or ... per window. */
  public static String expr(BurnAlert alert, Slo slo, String service) {
    List<String> conditions = new ArrayList<>();
    String labels = PromQl.recordingLabels(slo, service);
    for (BurnAlert.Window window : alert.windows()) {
      String threshold = PromQl.number(window.factor()) + " * " + PromQl.number(slo.errorBudget());
      conditions.add(
          "("
              + SloRecordingRules.errorRatio(window.longWindow())
              + labels
              + " > ("
              + threshold
              + ") and "
              + SloRecordingRules.errorRatio(window.shortWindow())
              + labels
              + " > ("
              + threshold
              + "))");
    }
    return String.join(" or ", conditions);
  }

  static Map<String, String> labels(BurnAlert alert, Slo slo, String service) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("severity", alert.severity());
    labels.putAll(SloRecordingRules.labels(slo, service));
    return labels;
  }

  static Map<String, String> annotations(SloFile file, BurnAlert alert, Slo slo, String service) {
    Map<String, String> annotations = new LinkedHashMap<>();
    String where = service == null ? "" : " (" + service + ")";
    BurnAlert.Window first = alert.windows().getFirst();
    annotations.put(
        "summary",
        slo.title()
            + where
            + ": the error budget burns "
            + PromQl.number(first.factor())
            + "x or more too fast");
    annotations.put(
        "description",
        slo.description()
            + " Objective "
            + PromQl.number(slo.objective())
            + "% over the budget window.");
    annotations.put("runbook_url", file.runbookUrl(alert.alertName(slo)));
    return annotations;
  }

  private static Map<String, Object> alert(SloFile file, BurnAlert alert, Slo slo, String service) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("alert", alert.alertName(slo));
    rule.put("expr", expr(alert, slo, service));
    rule.put("for", alert.pending());
    rule.put("labels", labels(alert, slo, service));
    rule.put("annotations", annotations(file, alert, slo, service));
    return rule;
  }
}
