package io.emporium.observability.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.emporium.observability.slo.Slo;
import io.emporium.observability.slo.SloFile;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus rules file generated from slo.yaml: a group per SLO (its recording rules, then its
 * burn-rate alerts, per service when it is per service) and the dead-letter alert. The same file is
 * loaded by the local Prometheus, tested with promtool and shipped as a PrometheusRule.
 */
public final class PrometheusRules {

  static final String HEADER =
      "# GENERATED from observability/slo.yaml by io.emporium.observability.Generate: do not edit.\n"
          + "# Regenerate: ./mvnw -B -ntp -pl observability test"
          + " -Demporium.observability.regenerate=true\n";
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .build();

  private PrometheusRules() {}

  /** The rules as Prometheus reads them: {@code groups: [...]}. */
  public static Map<String, Object> of(SloFile file) {
    List<Map<String, Object>> groups = new ArrayList<>();
    for (Slo slo : file.slos()) {
      List<Map<String, Object>> rules = new ArrayList<>();
      for (String service : slo.scopes()) {
        rules.addAll(SloRecordingRules.of(file, slo, service));
      }
      for (String service : slo.scopes()) {
        rules.addAll(SloAlertRules.of(file, slo, service));
      }
      groups.add(group("slo-" + slo.name(), rules));
    }
    groups.add(group("dead-letters", List.of(deadLetters(file))));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("groups", groups);
    return root;
  }

  public static String yaml(SloFile file) {
    try {
      return HEADER + YAML.writeValueAsString(of(file));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any new dead letter in the last 10 minutes, by service and queue. */
  public static String deadLettersExpr(SloFile.DeadLetters dead) {
    return "sum by ("
        + PromQl.SERVICE_LABEL
        + ", queue) (increase("
        + dead.metric()
        + "[10m])) > 0";
  }

  private static Map<String, Object> deadLetters(SloFile file) {
    SloFile.DeadLetters dead = file.deadLetters();
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("alert", dead.alert());
    rule.put("expr", deadLettersExpr(dead));
    rule.put("labels", Map.of("severity", dead.severity()));
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(
        "summary",
        dead.title() + ": {{ $labels.queue }} has a new dead letter ({{ $labels.application }})");
    annotations.put("description", dead.description());
    annotations.put("runbook_url", file.runbookUrl(dead.alert()));
    rule.put("annotations", annotations);
    return rule;
  }

  private static Map<String, Object> group(String name, List<Map<String, Object>> rules) {
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("name", name);
    group.put("rules", rules);
    return group;
  }
}
