package io.emporium.observability.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The OpenTelemetry collector add-on's configuration, from argocd/apps/values.yaml (its Helm values
 * are a template: {@code {{ ... }}} is blanked before parsing): what its metrics pipeline scrapes,
 * renames, derives and publishes to CloudWatch.
 */
record CollectorConfig(JsonNode config) {

  static final String VALUES = "argocd/apps/values.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One awsemf metric_declaration: the names it selects and the dimension sets it publishes. */
  record Declaration(List<Pattern> selectors, List<Set<String>> dimensionSets) {
    boolean selects(String metric) {
      return selectors.stream().anyMatch(p -> p.matcher(metric).find());
    }
  }

  static CollectorConfig load(Path root) throws IOException {
    JsonNode values = YAML.readTree(Files.readString(root.resolve(VALUES)));
    String template =
        values
            .at("/addons/opentelemetry-collector/values")
            .asText()
            .replaceAll("\\{\\{[^}]*}}", "x");
    return new CollectorConfig(YAML.readTree(template).get("config"));
  }

  List<Declaration> declarations() {
    List<Declaration> all = new ArrayList<>();
    for (JsonNode d : config.at("/exporters/awsemf/metric_declarations")) {
      List<Pattern> selectors = new ArrayList<>();
      d.get("metric_name_selectors").forEach(s -> selectors.add(Pattern.compile(s.asText())));
      List<Set<String>> sets = new ArrayList<>();
      for (JsonNode set : d.get("dimensions")) {
        Set<String> names = new TreeSet<>();
        set.forEach(n -> names.add(n.asText()));
        sets.add(names);
      }
      all.add(new Declaration(selectors, sets));
    }
    return all;
  }

  /** The scrape's metric_relabel_configs. */
  JsonNode metricRelabelling() {
    return config.at("/receivers/prometheus/config/scrape_configs/0/metric_relabel_configs");
  }

  /** The regex of the rule that keeps series by name (the rest are dropped at the scrape). */
  Pattern keptNames() {
    for (JsonNode rule : metricRelabelling()) {
      if ("keep".equals(rule.path("action").asText())
          && rule.get("source_labels").toString().equals("[\"__name__\"]")) {
        return Pattern.compile(rule.get("regex").asText());
      }
    }
    throw new AssertionError("no keep rule on __name__ in " + VALUES);
  }

  /** The rule that renames series to {@code metric}, if any. */
  JsonNode renameTo(String metric) {
    for (JsonNode rule : metricRelabelling()) {
      if ("__name__".equals(rule.path("target_label").asText())
          && metric.equals(rule.path("replacement").asText())) {
        return rule;
      }
    }
    return null;
  }

  /** The transform processors' metric statements, in the metrics pipeline's order. */
  List<String> statements() {
    List<String> all = new ArrayList<>();
    for (JsonNode processor : config.at("/service/pipelines/metrics/processors")) {
      for (JsonNode group :
          config.at("/processors").path(processor.asText()).path("metric_statements")) {
        group.get("statements").forEach(s -> all.add(s.asText()));
      }
    }
    return all;
  }
}
