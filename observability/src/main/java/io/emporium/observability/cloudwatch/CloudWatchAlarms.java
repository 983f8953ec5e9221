package io.emporium.observability.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.emporium.observability.slo.BurnAlert;
import io.emporium.observability.slo.Durations;
import io.emporium.observability.slo.Runbooks;
import io.emporium.observability.slo.Sli;
import io.emporium.observability.slo.Slo;
import io.emporium.observability.slo.SloFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same SLOs as CloudWatch alarms (terraform/modules/observability reads the JSON this writes):
 * a metric alarm per SLO, service and burn window, and a composite alarm per burn alert that is
 * (long AND short) OR ... like the Prometheus alert. Windows longer than a day are left out
 * (CloudWatch alarm periods stop at one day): SlowBurn is its 1d/2h pair there.
 *
 * <p>The metrics are the services' Prometheus metrics as the OpenTelemetry collector publishes them
 * (EMF, see {@link EmfMetrics}): each metric query names its whole dimension set but {@code
 * environment} (Terraform adds it): {@code service} for a per-service SLO, and the SLI's labels. A
 * CloudWatch metric is one exact dimension set, so each must be one the collector's
 * metric_declarations publish (CollectorExportTests checks it). A latency SLI is a ratio of two
 * counters the collector derives from the histogram. Label exclusions ({@code !/actuator.*}) are
 * the collector's job (it drops those series).
 */
public final class CloudWatchAlarms {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long MAX_PERIOD = 86_400;

  private CloudWatchAlarms() {}

  public static String json(SloFile file) {
    try {
      return JSON.writeValueAsString(of(file)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, Object> of(SloFile file) {
    List<Map<String, Object>> alarms = new ArrayList<>();
    List<Map<String, Object>> composites = new ArrayList<>();
    for (Slo slo : file.slos()) {
      for (String service : slo.scopes()) {
        for (BurnAlert alert : file.alerts()) {
          String base = Runbooks.path(alert.alertName(slo));
          String name =
              base.substring("docs/runbooks/".length(), base.length() - 3)
                  + (service == null ? "" : "-" + service);
          List<Map<String, String>> pairs = new ArrayList<>();
          for (BurnAlert.Window window : alert.windows()) {
            if (Durations.seconds(window.longWindow()) > MAX_PERIOD) {
              continue;
            }
            double threshold = window.factor() * slo.errorBudget();
            String longName = name + "-" + window.longWindow();
            String shortName = name + "-" + window.shortWindow();
            alarms.add(alarm(longName, slo, service, window.longWindow(), threshold));
            alarms.add(alarm(shortName, slo, service, window.shortWindow(), threshold));
            Map<String, String> pair = new LinkedHashMap<>();
            pair.put("long", longName);
            pair.put("short", shortName);
            pairs.add(pair);
          }
          Map<String, Object> composite = new LinkedHashMap<>();
          composite.put("name", name);
          composite.put("alert", alert.alertName(slo));
          composite.put("slo", slo.name());
          composite.put("service", service);
          composite.put("severity", alert.severity());
          composite.put("runbook", file.runbookUrl(alert.alertName(slo)));
          composite.put("windows", pairs);
          composites.add(composite);
        }
      }
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put(
        "_generated",
        "from observability/slo.yaml by io.emporium.observability.Generate: do not edit");
    root.put("alarms", dedupe(alarms));
    root.put("composites", composites);
    return root;
  }

  private static List<Map<String, Object>> dedupe(List<Map<String, Object>> alarms) {
    Map<Object, Map<String, Object>> byName = new LinkedHashMap<>();
    alarms.forEach(a -> byName.putIfAbsent(a.get("name"), a));
    return new ArrayList<>(byName.values());
  }

  private static Map<String, Object> alarm(
      String name, Slo slo, String service, String window, double threshold) {
    long seconds = Durations.seconds(window);
    Sli sli = slo.sli();
    Map<String, Object> alarm = new LinkedHashMap<>();
    alarm.put("name", name);
    alarm.put("slo", slo.name());
    alarm.put("service", service);
    List<Map<String, Object>> metrics = new ArrayList<>();
    switch (sli.kind()) {
      case ratio ->
          MetricQueries.counterRatio(
              alarm,
              metrics,
              sli.bad() != null ? "b" : "g",
              sli.bad() != null ? sli.bad() : sli.good(),
              sli.total(),
              service,
              seconds);
      case latency ->
          MetricQueries.counterRatio(
              alarm,
              metrics,
              "f",
              new Sli.Selector(EmfMetrics.within(sli), sli.where()),
              new Sli.Selector(EmfMetrics.count(sli.metric()), sli.where()),
              service,
              seconds);
      case gauge -> {
        // The share of minutes over the bound: at least k of the window's N minutes.
        long minutes = seconds / 60;
        metrics.add(
            MetricQueries.metric("m0", sli.metric(), MetricQueries.scope(service), "Maximum", 60));
        alarm.put("expression", "m0");
        alarm.put("period", 60);
        alarm.put("evaluation_periods", minutes);
        alarm.put("datapoints_to_alarm", Math.max(1, (long) Math.ceil(threshold * minutes)));
        alarm.put("threshold", sli.max());
      }
    }
    if (sli.kind() != Sli.Kind.gauge) {
      alarm.put("evaluation_periods", 1);
      alarm.put("datapoints_to_alarm", 1);
      alarm.put("threshold", round(threshold));
    }
    alarm.put("metrics", metrics);
    return alarm;
  }

  private static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }
}
