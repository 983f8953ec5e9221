package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.launcher.StackSettings;
import io.emporium.observability.Generate;
import io.emporium.observability.prometheus.MetricNames;
import io.emporium.observability.slo.Sli;
import io.emporium.observability.slo.Slo;
import io.emporium.platform.testing.TestUser;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What observability/slo.yaml and the dashboards query is what the running services export: after a
 * checkout, each service's /actuator/prometheus is read, and every metric a dashboard panel or an
 * SLI names must be there (a per-service dashboard: in that service's own metrics; the overview's
 * CloudWatch panels, which read SQS, are exempt by name). Read once more as OpenMetrics, the SLO
 * histograms carry trace exemplars and no label is an id.
 */
@ExtendWith(RunningShop.class)
class ExportedMetricsE2ETests {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
  private static final Path SCRAPES = Path.of("target/metrics");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Set<String>> EXPORTED = new HashMap<>();
  private static final Map<String, String> OPENMETRICS = new HashMap<>();

  /**
   * The panels exempt from "names a metric the services export": the overview's SQS queue and DLQ
   * panels, which read AWS/SQS from CloudWatch (no service exports a queue's depth).
   */
  private static final Set<String> CLOUDWATCH_PANELS =
      Set.of(
          "emporium-overview.json: SQS queues: messages waiting (CloudWatch)",
          "emporium-overview.json: SQS queues: age of the oldest message (CloudWatch)",
          "emporium-overview.json: DLQs: dead letters waiting (CloudWatch)",
          "emporium-overview.json: DLQs: age of the oldest dead letter (CloudWatch)");

  /** A label named after a per-order, per-customer or per-event thing: unbounded cardinality. */
  private static final Pattern HIGH_CARDINALITY_NAME =
      Pattern.compile("(?i)(order|customer|cart|event|checkout|user|message)_?id|customer|cart");

  private static final Pattern UUID =
      Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** A sample line's labels (before the value; an exemplar's after " # " are not labels). */
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  @BeforeAll
  static void checkoutThenScrapeEveryService(Shop shop) throws Exception {
    TestUser customer = shop.newCustomer();
    String checkoutId = shop.buy(customer, shop.productWithStock(5), 1, APPROVED_CARD);
    String orderId = shop.awaitOutcome(customer, checkoutId).get("orderId").asText();
    // The last effect of a checkout: its email (so notification's meters have counted it too).
    await()
        .atMost(Shop.OUTCOME_WITHIN)
        .until(
            () ->
                shop.notifications(customer).stream()
                    .anyMatch(
                        n ->
                            n.get("orderId").asText().equals(orderId)
                                && n.get("status").asText().equals("SENT")));
    Files.createDirectories(SCRAPES);
    HttpClient http = HttpClient.newHttpClient();
    for (String service : StackSettings.SERVICES) {
      String text =
          http.send(
                  HttpRequest.newBuilder(
                          shop.stack().serviceUrl(service).resolve("/actuator/prometheus"))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Files.writeString(SCRAPES.resolve(service + ".txt"), text);
      EXPORTED.put(service, names(text));
      String openMetrics =
          http.send(
                  HttpRequest.newBuilder(
                          shop.stack().serviceUrl(service).resolve("/actuator/prometheus"))
                      .header("Accept", "application/openmetrics-text; version=1.0.0")
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Files.writeString(SCRAPES.resolve(service + ".openmetrics.txt"), openMetrics);
      OPENMETRICS.put(service, openMetrics);
    }
  }

  /**
   * The histograms the latency SLOs read carry trace exemplars (OpenMetrics only): from a bucket, a
   * slow request or checkout leads to its trace.
   */
  @Test
  void sloHistogramsCarryTraceExemplars() {
    List<String> histograms =
        Generate.slos(ROOT).slos().stream()
            .map(Slo::sli)
            .filter(sli -> sli.kind() == Sli.Kind.latency)
            .map(sli -> sli.metric() + "_bucket{")
            .toList();
    Pattern exemplar = Pattern.compile(" # \\{[^}]*trace_id=\"[0-9a-f]{32}\"");
    List<String> withExemplars =
        OPENMETRICS.values().stream()
            .flatMap(String::lines)
            .filter(line -> histograms.stream().anyMatch(line::startsWith))
            // Series the SLOs read: not the /actuator requests (probes, scrapes) they leave out.
            .filter(line -> !line.contains("uri=\"/actuator"))
            .filter(line -> exemplar.matcher(line).find())
            .toList();

    assertThat(histograms).isNotEmpty();
    assertThat(withExemplars)
        .as("a bucket of %s with a # {trace_id=...} exemplar (scrapes in %s)", histograms, SCRAPES)
        .isNotEmpty();
  }

  /** No label is an order, customer, cart or event, and no label value is a UUID (an id). */
  @Test
  void noLabelHasUnboundedCardinality() {
    Set<String> offending = new TreeSet<>();
    OPENMETRICS.forEach(
        (service, text) ->
            text.lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line)
                .forEach(
                    line -> {
                      Matcher label = LABEL.matcher(line);
                      while (label.find()) {
                        if (HIGH_CARDINALITY_NAME.matcher(label.group(1)).matches()
                            || UUID.matcher(label.group(2)).find()) {
                          offending.add(service + ": " + label.group());
                        }
                      }
                    }));

    assertThat(OPENMETRICS).hasSize(StackSettings.SERVICES.size());
    assertThat(offending).as("high-cardinality labels (scrapes in %s)", SCRAPES).isEmpty();
  }

  @Test
  void everyDashboardQueryNamesAMetricTheServicesExport() throws IOException {
    Set<String> all = new HashSet<>();
    EXPORTED.values().forEach(all::addAll);
    Set<String> missing = new TreeSet<>();
    Set<String> exempt = new TreeSet<>();
    try (Stream<Path> files = Files.list(ROOT.resolve(Generate.DASHBOARDS))) {
      for (Path file : files.toList()) {
        String service =
            file.getFileName().toString().replace("emporium-", "").replace(".json", "");
        Set<String> exported = EXPORTED.getOrDefault(service, all);
        for (JsonNode panel : JSON.readTree(file.toFile()).get("panels")) {
          String title = file.getFileName() + ": " + panel.get("title").asText();
          boolean cloudWatch = panel.at("/datasource/type").asText().equals("cloudwatch");
          assertThat(cloudWatch)
              .as("%s reads CloudWatch exactly when it is exempt", title)
              .isEqualTo(CLOUDWATCH_PANELS.contains(title));
          if (cloudWatch) {
            exempt.add(title);
            continue;
          }
          for (JsonNode target : panel.get("targets")) {
            MetricNames.of(target.get("expr").asText()).stream()
                .filter(name -> !name.contains(":"))
                .filter(name -> !exported.contains(name))
                .forEach(name -> missing.add(file.getFileName() + ": " + name));
          }
        }
      }
    }

    assertThat(missing).as("queried but not exported (scrapes in " + SCRAPES + ")").isEmpty();
    assertThat(exempt).containsExactlyInAnyOrderElementsOf(CLOUDWATCH_PANELS);
  }

  @Test
  void everySliReadsMetricsItsServicesExport() {
    Set<String> missing = new TreeSet<>();
    for (Slo slo : Generate.slos(ROOT).slos()) {
      List<String> services = slo.perService() ? slo.services() : List.of("order");
      for (String service : services) {
        for (String metric : metrics(slo.sli())) {
          if (!EXPORTED.get(service).contains(metric)) {
            missing.add(slo.name() + " (" + service + "): " + metric);
          }
        }
      }
    }
    String deadLetters = Generate.slos(ROOT).deadLetters().metric();
    StackSettings.SERVICES.stream()
        .filter(s -> !EXPORTED.get(s).contains(deadLetters))
        .forEach(s -> missing.add("deadLetters (" + s + "): " + deadLetters));

    assertThat(missing).isEmpty();
  }

  private static List<String> metrics(Sli sli) {
    return switch (sli.kind()) {
      case ratio ->
          Stream.of(sli.good(), sli.bad(), sli.total())
              .filter(s -> s != null)
              .map(Sli.Selector::metric)
              .toList();
      case latency -> List.of(sli.metric() + "_bucket", sli.metric() + "_count");
      case gauge -> List.of(sli.metric());
    };
  }

  /** Metric names of a Prometheus text exposition (the sample lines'). */
  private static Set<String> names(String exposition) {
    Set<String> names = new HashSet<>();
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int end = line.indexOf('{');
      names.add(line.substring(0, end < 0 ? line.indexOf(' ') : end));
    }
    return names;
  }
}
