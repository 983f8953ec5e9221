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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What observability/slo.yaml and the dashboards query is what the running services export: after a
 * checkout, each service's /actuator/prometheus is read, and every metric a dashboard panel or an
 * SLI names must be there (a per-service dashboard: in that service's own metrics).
 */
@ExtendWith(RunningShop.class)
class ExportedMetricsE2ETests {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
  private static final Path SCRAPES = Path.of("target/metrics");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Set<String>> EXPORTED = new HashMap<>();

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
    }
  }

  @Test
  void everyDashboardQueryNamesAMetricTheServicesExport() throws IOException {
    Set<String> all = new HashSet<>();
    EXPORTED.values().forEach(all::addAll);
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.list(ROOT.resolve(Generate.DASHBOARDS))) {
      for (Path file : files.toList()) {
        String service =
            file.getFileName().toString().replace("emporium-", "").replace(".json", "");
        Set<String> exported = EXPORTED.getOrDefault(service, all);
        for (JsonNode panel : JSON.readTree(file.toFile()).get("panels")) {
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
