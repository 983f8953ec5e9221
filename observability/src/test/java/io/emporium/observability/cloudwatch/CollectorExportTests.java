package io.emporium.observability.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.observability.Generate;
import io.emporium.observability.Repo;
import io.emporium.observability.slo.Sli;
import io.emporium.observability.slo.Slo;
import io.emporium.observability.slo.SloFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CloudWatch SLO alarms (slo-alarms.json, with the {@code environment} dimension alarms.tf
 * adds) query only metrics the collector of argocd/apps/values.yaml really publishes: a name its
 * scrape keeps or its pipeline derives, under a dimension set one of awsemf's metric_declarations
 * publishes for that name exactly (CloudWatch matches the whole set: {environment, outcome} is not
 * {environment, service, outcome}).
 */
class CollectorExportTests {

  private static final Pattern CONVERT_TO_SUM =
      Pattern.compile(
          "convert_gauge_to_sum\\(\"cumulative\", true\\) where IsMatch\\(metric\\.name, \"(.+)\"\\)");

  private static CollectorConfig collector;
  private static SloFile slos;
  private static List<JsonNode> queries;

  @BeforeAll
  static void load() throws IOException {
    collector = CollectorConfig.load(Repo.ROOT);
    slos = Generate.slos(Repo.ROOT);
    queries = new ArrayList<>();
    JsonNode alarms =
        new ObjectMapper().readTree(Repo.ROOT.resolve(Generate.CLOUDWATCH).toFile()).get("alarms");
    alarms.forEach(alarm -> alarm.get("metrics").forEach(queries::add));
    assertThat(queries).isNotEmpty();
  }

  @Test
  void alarmsTfAddsOnlyTheEnvironmentToTheGeneratedDimensions() throws IOException {
    assertThat(Files.readString(Repo.ROOT.resolve("terraform/modules/observability/alarms.tf")))
        .contains(
            "dimensions  = merge({ environment = var.environment }, metric_query.value.dimensions)");
  }

  @Test
  void everyAlarmQueriesADimensionSetTheCollectorDeclaresForThatMetric() {
    List<String> undeclared = new ArrayList<>();
    for (JsonNode query : queries) {
      String metric = query.get("metric").asText();
      Set<String> dimensions = new TreeSet<>(Set.of("environment"));
      query.get("dimensions").fieldNames().forEachRemaining(dimensions::add);
      boolean declared =
          collector.declarations().stream()
              .anyMatch(d -> d.selects(metric) && d.dimensionSets().contains(dimensions));
      if (!declared) {
        undeclared.add(metric + " " + dimensions);
      }
    }
    assertThat(undeclared).as("queried by an alarm, not published by awsemf").isEmpty();
  }

  @Test
  void everyAlarmMetricIsOneTheCollectorPipelineProduces() {
    List<String> missing = new ArrayList<>();
    for (JsonNode query : queries) {
      String metric = query.get("metric").asText();
      String problem = produced(metric, query.get("stat").asText());
      if (problem != null) {
        missing.add(metric + ": " + problem);
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void histogramsThemselvesAreNotPublished() {
    for (String histogram : histograms()) {
      assertThat(collector.declarations())
          .as("%s would be a statistic set of cumulative counts", histogram)
          .noneMatch(d -> d.selects(histogram));
    }
  }

  /** Null when the collector produces {@code metric}, else why not. */
  private static String produced(String metric, String stat) {
    for (Slo slo : slos.slos()) {
      Sli sli = slo.sli();
      if (sli.kind() == Sli.Kind.latency && metric.equals(EmfMetrics.within(sli))) {
        return stat.equals("Sum") ? thresholdBucketCounter(metric, sli) : "read with " + stat;
      }
      if (sli.kind() == Sli.Kind.latency && metric.equals(EmfMetrics.count(sli.metric()))) {
        String extract = "extract_count_metric(true) where metric.name == \"" + sli.metric() + "\"";
        return !collector.statements().contains(extract)
            ? "no transform statement " + extract
            : stat.equals("Sum") ? null : "read with " + stat;
      }
      if (sli.kind() == Sli.Kind.gauge && metric.equals(sli.metric())) {
        return stat.equals("Maximum") ? kept(metric) : "a gauge read with " + stat;
      }
    }
    if (histograms().contains(metric) || metric.matches(".*_(bucket|sum|count)$")) {
      return "a histogram's series: awsemf publishes no such metric";
    }
    return stat.equals("Sum") ? kept(metric) : "a counter read with " + stat;
  }

  private static String kept(String metric) {
    return collector.keptNames().matcher(metric).matches() ? null : "dropped at the scrape";
  }

  /** The SLO threshold's bucket renamed to {@code metric}, then made a cumulative sum. */
  private static String thresholdBucketCounter(String metric, Sli sli) {
    JsonNode rename = collector.renameTo(metric);
    if (rename == null) {
      return "no metric_relabel_configs rule renames a series to it";
    }
    String series = sli.metric() + "_bucket;" + sli.thresholdLe();
    if (!rename.get("source_labels").toString().equals("[\"__name__\",\"le\"]")
        || !Pattern.compile(rename.get("regex").asText()).matcher(series).matches()) {
      return "its rename does not match the threshold bucket " + series;
    }
    boolean summed =
        collector.statements().stream()
            .map(CONVERT_TO_SUM::matcher)
            .filter(Matcher::matches)
            .anyMatch(m -> Pattern.compile(m.group(1)).matcher(metric).find());
    return summed ? null : "not converted to a cumulative sum (it arrives as an untyped gauge)";
  }

  private static Set<String> histograms() {
    Set<String> names = new TreeSet<>();
    slos.slos().stream()
        .map(Slo::sli)
        .filter(s -> s.kind() == Sli.Kind.latency)
        .forEach(s -> names.add(s.metric()));
    return names;
  }
}
