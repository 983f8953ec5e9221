package io.emporium.observability.cloudwatch;

import io.emporium.observability.slo.Sli;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric queries of a CloudWatch SLO alarm ({@link CloudWatchAlarms}): one query per metric and
 * exact dimension set the collector publishes, and the metric-math expression over them.
 */
final class MetricQueries {

  private MetricQueries() {}

  /**
   * The error ratio of two counters: {@code SUM(bad) / SUM(total)}, or {@code 1 - SUM(good) /
   * SUM(total)} (prefix "g" or "f": the numerator counts good events).
   */
  static void counterRatio(
      Map<String, Object> alarm,
      List<Map<String, Object>> metrics,
      String prefix,
      Sli.Selector numerator,
      Sli.Selector total,
      String service,
      long seconds) {
    List<String> top = add(metrics, prefix, numerator, service, seconds);
    List<String> all = add(metrics, "t", total, service, seconds);
    String ratio = "SUM([" + String.join(",", top) + "]) / SUM([" + String.join(",", all) + "])";
    alarm.put("expression", prefix.equals("b") ? ratio : "1 - " + ratio);
    alarm.put("period", seconds);
  }

  /**
   * One metric query (a counter's {@code Sum}) per combination of the selector's label values;
   * returns their ids.
   */
  private static List<String> add(
      List<Map<String, Object>> metrics,
      String prefix,
      Sli.Selector selector,
      String service,
      long period) {
    List<Map<String, String>> combinations = new ArrayList<>();
    combinations.add(scope(service));
    selector
        .where()
        .forEach(
            (label, values) -> {
              List<String> included = values.stream().filter(v -> !v.startsWith("!")).toList();
              if (included.isEmpty()) {
                return;
              }
              List<Map<String, String>> next = new ArrayList<>();
              for (Map<String, String> c : combinations) {
                for (String value : included) {
                  Map<String, String> more = new LinkedHashMap<>(c);
                  more.put(label, value);
                  next.add(more);
                }
              }
              combinations.clear();
              combinations.addAll(next);
            });
    List<String> ids = new ArrayList<>();
    for (Map<String, String> dimensions : combinations) {
      String id = prefix + ids.size();
      metrics.add(metric(id, selector.metric(), dimensions, "Sum", period));
      ids.add(id);
    }
    return ids;
  }

  /** The dimensions every query of an alarm has (but environment): its service, if any. */
  static Map<String, String> scope(String service) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    if (service != null) {
      dimensions.put("service", service);
    }
    return dimensions;
  }

  static Map<String, Object> metric(
      String id, String name, Map<String, String> dimensions, String stat, long period) {
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("id", id);
    metric.put("metric", name);
    metric.put("dimensions", dimensions);
    metric.put("stat", stat);
    metric.put("period", period);
    return metric;
  }
}
