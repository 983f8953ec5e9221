package io.emporium.observability.grafana;

import java.util.List;

/**
 * One Grafana panel: a time series or a stat, its queries (with a legend), unit and data source.
 * Laid out by {@link Dashboard} in rows of two (time series) or four (stats). A Prometheus panel's
 * queries are PromQL on the dashboard's Prometheus variable; a CloudWatch panel's are CloudWatch
 * metric-math expressions (SEARCH) on the CloudWatch data source the cluster's Grafana provisions
 * (uid {@value #CLOUDWATCH_UID}, argocd/apps/values.yaml), for what no service exports: SQS.
 */
public record Panel(String type, String title, String unit, Source source, List<Query> queries) {

  /** The uid of the CloudWatch data source kube-prometheus-stack's Grafana is given. */
  public static final String CLOUDWATCH_UID = "cloudwatch";

  public enum Source {
    prometheus,
    cloudwatch
  }

  public static Panel timeseries(String title, String unit, Query... queries) {
    return new Panel("timeseries", title, unit, Source.prometheus, List.of(queries));
  }

  public static Panel stat(String title, String unit, Query... queries) {
    return new Panel("stat", title, unit, Source.prometheus, List.of(queries));
  }

  /** A time series of CloudWatch expressions (the AWS/SQS metrics of the shop's queues). */
  public static Panel cloudWatch(String title, String unit, Query... queries) {
    return new Panel("timeseries", title, unit, Source.cloudwatch, List.of(queries));
  }

  public record Query(String expr, String legend) {}

  public static Query q(String expr, String legend) {
    return new Query(expr, legend);
  }
}
