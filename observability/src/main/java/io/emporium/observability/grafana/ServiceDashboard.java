package io.emporium.observability.grafana;

import static io.emporium.observability.grafana.Panel.q;
import static io.emporium.observability.grafana.Panel.stat;
import static io.emporium.observability.grafana.Panel.timeseries;

import io.emporium.observability.prometheus.SloRecordingRules;
import java.util.ArrayList;
import java.util.List;

/**
 * One service's dashboard: its SLO budgets, RED per endpoint, consumers, outbox, JVM, database pool
 * and its own business meters ({@link ServicePanels}).
 */
final class ServiceDashboard {

  /** Services with a PostgreSQL pool (cart keeps its data in DynamoDB). */
  static final List<String> WITH_DATABASE = List.of("catalog", "order", "payment", "notification");

  private static final String API = "uri!~\"/actuator.*\"";

  private ServiceDashboard() {}

  static Dashboard of(String service) {
    String app = "application=\"" + service + "\"";
    List<Panel> panels = new ArrayList<>();
    panels.add(budgetLeft("API availability", "api-availability", service, "availability"));
    panels.add(budgetLeft("API latency", "api-latency", service, "latency"));
    panels.add(budgetLeft("Outbox lag", "outbox-lag", service, "outbox"));
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
                Dashboards.quantile(
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

  private static Panel budgetLeft(String title, String slo, String service, String legend) {
    return stat(
        title + ": budget left",
        "percentunit",
        q(
            SloRecordingRules.BUDGET_REMAINING
                + "{slo=\""
                + slo
                + "\", service=\""
                + service
                + "\"}",
            legend));
  }
}
