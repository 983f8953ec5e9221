package io.emporium.observability.grafana;

import static io.emporium.observability.grafana.Panel.q;
import static io.emporium.observability.grafana.Panel.stat;
import static io.emporium.observability.grafana.Panel.timeseries;

import io.emporium.observability.prometheus.SloRecordingRules;
import io.emporium.observability.slo.SloFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboards: the shop overview (SLOs and budgets, the saga funnel, queues, dead letters,
 * outboxes) and one per service (RED per endpoint, its SLOs, JVM, database pool, consumers, outbox,
 * its own business meters). Every metric a query names is one the services export: the end-to-end
 * suite checks that against their /actuator/prometheus.
 */
public final class Dashboards {

  /** Services with a PostgreSQL pool (cart keeps its data in DynamoDB). */
  static final List<String> WITH_DATABASE = List.of("catalog", "order", "payment", "notification");

  private static final String API = "uri!~\"/actuator.*\"";

  private Dashboards() {}

  /** File name (without .json) to dashboard. */
  public static Map<String, Dashboard> all(SloFile slos) {
    Map<String, Dashboard> all = new LinkedHashMap<>();
    all.put("emporium-overview", overview(slos));
    for (String service : services(slos)) {
      all.put("emporium-" + service, service(service));
    }
    return all;
  }

  static List<String> services(SloFile slos) {
    return slos.slos().stream().flatMap(s -> s.services().stream()).distinct().toList();
  }

  static Dashboard overview(SloFile slos) {
    String budget = SloRecordingRules.BUDGET_REMAINING;
    List<Panel> panels = new ArrayList<>();
    for (var slo : slos.slos()) {
      panels.add(
          stat(
              slo.title() + ": budget left",
              "percentunit",
              q(
                  slo.perService()
                      ? "min(" + budget + "{slo=\"" + slo.name() + "\"})"
                      : budget + "{slo=\"" + slo.name() + "\"}",
                  slo.perService() ? "worst service" : slo.name())));
    }
    panels.add(
        timeseries(
            "SLO error ratio, last hour",
            "percentunit",
            q(SloRecordingRules.errorRatio("1h"), "{{slo}} {{service}}")));
    panels.add(
        timeseries(
            "Saga funnel (per second)",
            "ops",
            q("sum(rate(emporium_cart_checkouts_total{outcome=\"accepted\"}[5m]))", "checked out"),
            q("sum(rate(orders_placed_total[5m]))", "placed"),
            q("sum by (outcome) (rate(orders_completed_total[5m]))", "{{outcome}}")));
    panels.add(
        timeseries(
            "Checkout to outcome, p50 / p95",
            "s",
            q(quantile(0.5, "orders_checkout_duration_seconds_bucket", ""), "p50"),
            q(quantile(0.95, "orders_checkout_duration_seconds_bucket", ""), "p95")));
    panels.add(
        timeseries(
            "Events consumed by queue (per second)",
            "ops",
            q("sum by (queue) (rate(emporium_events_consumed_total[5m]))", "{{queue}}")));
    panels.add(
        timeseries(
            "Queue age: longest wait before handling",
            "s",
            q("max by (queue) (emporium_events_queue_wait_seconds_max)", "{{queue}}")));
    panels.add(
        timeseries(
            "Retries and dead letters (last 5 minutes)",
            "short",
            q("sum by (queue) (increase(emporium_events_retried_total[5m]))", "retried {{queue}}"),
            q(
                "sum by (queue) (increase(emporium_events_dead_lettered_total[5m]))",
                "dead-lettered {{queue}}")));
    panels.add(
        timeseries(
            "Outbox lag: oldest unpublished event",
            "s",
            q("max by (application) (emporium_outbox_oldest_age_seconds)", "{{application}}")));
    panels.add(
        timeseries(
            "Outbox rows pending and parked",
            "short",
            q("sum by (application) (emporium_outbox_pending)", "pending {{application}}"),
            q("sum by (application) (emporium_outbox_parked)", "parked {{application}}")));
    return new Dashboard(
        "emporium-overview", "Emporium / Shop overview", List.of("emporium", "slo"), panels);
  }

  static Dashboard service(String service) {
    String app = "application=\"" + service + "\"";
    List<Panel> panels = new ArrayList<>();
    panels.add(
        stat(
            "API availability: budget left",
            "percentunit",
            q(
                SloRecordingRules.BUDGET_REMAINING
                    + "{slo=\"api-availability\", service=\""
                    + service
                    + "\"}",
                "availability")));
    panels.add(
        stat(
            "API latency: budget left",
            "percentunit",
            q(
                SloRecordingRules.BUDGET_REMAINING
                    + "{slo=\"api-latency\", service=\""
                    + service
                    + "\"}",
                "latency")));
    panels.add(
        stat(
            "Outbox lag: budget left",
            "percentunit",
            q(
                SloRecordingRules.BUDGET_REMAINING
                    + "{slo=\"outbox-lag\", service=\""
                    + service
                    + "\"}",
                "outbox")));
    panels.add(
        stat(
            "Requests per second",
            "reqps",
            q("sum(rate(http_server_requests_seconds_count{" + app + ", " + API + "}[5m]))", "")));
    panels.add(
        timeseries(
            "Rate by endpoint",
            "reqps",
            q(
                "sum by (method, uri) (rate(http_server_requests_seconds_count{"
                    + app
                    + ", "
                    + API
                    + "}[5m]))",
                "{{method}} {{uri}}")));
    panels.add(
        timeseries(
            "Errors by endpoint (5xx, 4xx)",
            "reqps",
            q(
                "sum by (method, uri, outcome) (rate(http_server_requests_seconds_count{"
                    + app
                    + ", "
                    + API
                    + ", outcome=~\"SERVER_ERROR|CLIENT_ERROR\"}[5m]))",
                "{{outcome}} {{method}} {{uri}}")));
    panels.add(
        timeseries(
            "Duration by endpoint, p95",
            "s",
            q(
                quantile(
                    0.95, "http_server_requests_seconds_bucket", app + ", " + API, "method, uri"),
                "{{method}} {{uri}}")));
    panels.add(
        timeseries(
            "Events consumed (per second)",
            "ops",
            q(
                "sum by (queue, outcome) (rate(emporium_events_consumed_total{" + app + "}[5m]))",
                "{{outcome}} {{queue}}"),
            q(
                "sum by (queue) (rate(emporium_events_retried_total{" + app + "}[5m]))",
                "retried {{queue}}"),
            q(
                "sum by (queue) (rate(emporium_events_dead_lettered_total{" + app + "}[5m]))",
                "dead-lettered {{queue}}")));
    panels.add(
        timeseries(
            "Queue wait before handling (max)",
            "s",
            q(
                "max by (queue) (emporium_events_queue_wait_seconds_max{" + app + "})",
                "{{queue}}")));
    panels.add(
        timeseries(
            "Outbox",
            "short",
            q("max(emporium_outbox_oldest_age_seconds{" + app + "})", "oldest age (s)"),
            q("max(emporium_outbox_pending{" + app + "})", "pending"),
            q("max(emporium_outbox_parked{" + app + "})", "parked"),
            q("sum(rate(emporium_outbox_published_total{" + app + "}[5m]))", "published/s"),
            q("sum(rate(emporium_outbox_failures_total{" + app + "}[5m]))", "failed/s")));
    panels.add(
        timeseries(
            "JVM heap and GC",
            "bytes",
            q(
                "sum by (instance) (jvm_memory_used_bytes{" + app + ", area=\"heap\"})",
                "used {{instance}}"),
            q(
                "sum by (instance) (jvm_memory_max_bytes{" + app + ", area=\"heap\"})",
                "max {{instance}}")));
    panels.add(
        timeseries(
            "CPU, GC time, threads",
            "percentunit",
            q("max by (instance) (process_cpu_usage{" + app + "})", "cpu {{instance}}"),
            q(
                "sum by (instance) (rate(jvm_gc_pause_seconds_sum{" + app + "}[5m]))",
                "gc {{instance}}")));
    if (WITH_DATABASE.contains(service)) {
      panels.add(
          timeseries(
              "Database pool (R2DBC)",
              "short",
              q("sum(r2dbc_pool_acquired_connections{" + app + "})", "acquired"),
              q("sum(r2dbc_pool_idle_connections{" + app + "})", "idle"),
              q("sum(r2dbc_pool_pending_connections{" + app + "})", "pending"),
              q("sum(r2dbc_pool_max_allocated_connections{" + app + "})", "max")));
    }
    panels.addAll(ServicePanels.of(service, app));
    return new Dashboard(
        "emporium-" + service, "Emporium / " + service, List.of("emporium", service), panels);
  }

  static String quantile(double q, String bucket, String matchers, String... by) {
    String labels = by.length == 0 ? "le" : "le, " + String.join(", ", by);
    String selector = matchers.isEmpty() ? bucket : bucket + "{" + matchers + "}";
    return "histogram_quantile(" + q + ", sum by (" + labels + ") (rate(" + selector + "[5m])))";
  }
}
