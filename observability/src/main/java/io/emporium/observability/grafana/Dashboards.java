package io.emporium.observability.grafana;

import static io.emporium.observability.grafana.Panel.cloudWatch;
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

  private Dashboards() {}

  /** File name (without .json) to dashboard. */
  public static Map<String, Dashboard> all(SloFile slos) {
    Map<String, Dashboard> all = new LinkedHashMap<>();
    all.put("emporium-overview", overview(slos));
    for (String service : services(slos)) {
      all.put("emporium-" + service, ServiceDashboard.of(service));
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
    panels.addAll(sqsPanels());
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

  /**
   * The queues' and DLQs' depth and age, from CloudWatch's AWS/SQS metrics: no service exports them
   * (a queue's depth is SQS's to know). One SEARCH per panel over the environment's queues (tokens
   * "emporium" and the environment; a DLQ's name ends in "-dlq").
   */
  static List<Panel> sqsPanels() {
    return List.of(
        cloudWatch(
            "SQS queues: messages waiting (CloudWatch)",
            "short",
            q(sqs("ApproximateNumberOfMessagesVisible", "NOT dlq"), "${PROP('Dim.QueueName')}")),
        cloudWatch(
            "SQS queues: age of the oldest message (CloudWatch)",
            "s",
            q(sqs("ApproximateAgeOfOldestMessage", "NOT dlq"), "${PROP('Dim.QueueName')}")),
        cloudWatch(
            "DLQs: dead letters waiting (CloudWatch)",
            "short",
            q(sqs("ApproximateNumberOfMessagesVisible", "dlq"), "${PROP('Dim.QueueName')}")),
        cloudWatch(
            "DLQs: age of the oldest dead letter (CloudWatch)",
            "s",
            q(sqs("ApproximateAgeOfOldestMessage", "dlq"), "${PROP('Dim.QueueName')}")));
  }

  private static String sqs(String metric, String queues) {
    return "SEARCH('{AWS/SQS,QueueName} MetricName=\""
        + metric
        + "\" emporium $environment "
        + queues
        + "', 'Maximum', 60)";
  }

  static String quantile(double q, String bucket, String matchers, String... by) {
    String labels = by.length == 0 ? "le" : "le, " + String.join(", ", by);
    String selector = matchers.isEmpty() ? bucket : bucket + "{" + matchers + "}";
    return "histogram_quantile(" + q + ", sum by (" + labels + ") (rate(" + selector + "[5m])))";
  }
}
