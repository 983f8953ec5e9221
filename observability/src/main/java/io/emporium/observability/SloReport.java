package io.emporium.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.observability.prometheus.PromQl;
import io.emporium.observability.prometheus.SloRecordingRules;
import io.emporium.observability.slo.Slo;
import io.emporium.observability.slo.SloFile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What {@code ./emporium slo} ({@link SloCommand}) prints: each SLO's SLI over its budget window
 * and over the last 5 minutes, and the error budget left, read from a Prometheus that evaluates the
 * generated rules, plus the alerts firing now.
 */
final class SloReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI prometheus;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  SloReport(URI prometheus) {
    this.prometheus = prometheus;
  }

  void print(SloFile slos, PrintStream out) throws IOException, InterruptedException {
    out.printf(
        "SLOs from %s (budget window %s, Prometheus %s)%n%n",
        Generate.SLO_FILE, slos.window(), prometheus);
    out.printf(
        "%-18s %-13s %9s %12s %12s %12s%n",
        "SLO", "service", "objective", "SLI " + slos.window(), "SLI 5m", "budget left");
    for (Slo slo : slos.slos()) {
      for (String service : slo.scopes()) {
        String labels = PromQl.recordingLabels(slo, service);
        OptionalDouble window = value(SloRecordingRules.errorRatio(slos.window()) + labels);
        OptionalDouble now = value(SloRecordingRules.errorRatio("5m") + labels);
        OptionalDouble budget = value(SloRecordingRules.BUDGET_REMAINING + labels);
        out.printf(
            "%-18s %-13s %8s%% %12s %12s %12s%n",
            slo.name(),
            service == null ? "(shop)" : service,
            PromQl.number(slo.objective()),
            percent(window, true),
            percent(now, true),
            percent(budget, false));
      }
    }
    List<String> firing = firing();
    out.println();
    out.println(firing.isEmpty() ? "No alert is firing." : "Firing: " + String.join(", ", firing));
    out.println("(no data: no traffic yet in that window, or the service is not scraped)");
  }

  private static String percent(OptionalDouble value, boolean goodFromError) {
    if (value.isEmpty() || Double.isNaN(value.getAsDouble())) {
      return "no data";
    }
    double v = goodFromError ? 1 - value.getAsDouble() : value.getAsDouble();
    return "%.2f%%".formatted(v * 100);
  }

  private OptionalDouble value(String query) throws IOException, InterruptedException {
    JsonNode result = query(query);
    if (result.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Double.parseDouble(result.get(0).get("value").get(1).asText()));
  }

  private List<String> firing() throws IOException, InterruptedException {
    List<String> alerts = new ArrayList<>();
    for (JsonNode series : query("ALERTS{alertstate=\"firing\"}")) {
      JsonNode metric = series.get("metric");
      String where =
          metric.has("service")
              ? " (" + metric.get("service").asText() + ")"
              : metric.has("queue") ? " (" + metric.get("queue").asText() + ")" : "";
      alerts.add(metric.get("alertname").asText() + where);
    }
    return alerts;
  }

  private JsonNode query(String promql) throws IOException, InterruptedException {
    URI uri =
        prometheus.resolve(
            "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " for " + promql);
    }
    return JSON.readTree(response.body()).path("data").path("result");
  }
}
