package io.emporium.observability.cloudwatch;

import io.emporium.observability.slo.Sli;
import java.util.Locale;

/**
 * The names the OpenTelemetry collector (argocd/apps/values.yaml) publishes to CloudWatch for what
 * the SLOs read. Counters and gauges keep their Prometheus names. A classic histogram is different:
 * awsemf publishes it as one statistic set (count, sum, min, max; its count and sum cumulative)
 * with no buckets, and CloudWatch computes no percentile or trimmed count from statistic sets. So
 * the collector derives two counters from each histogram an SLO reads: {@code <histogram>_count}
 * (the transform processor's extract_count_metric) and {@code <histogram>_within_<threshold>_total}
 * (the SLO threshold's bucket, renamed by the scrape's metric_relabel_configs, made a cumulative
 * sum). awsemf turns both into per-period deltas, so an alarm reads them with {@code Sum}.
 */
public final class EmfMetrics {

  private EmfMetrics() {}

  /** Every event the histogram counted: {@code http_server_requests_seconds_count}. */
  public static String count(String histogram) {
    return histogram + "_count";
  }

  /** The latency SLI's good events: {@code http_server_requests_seconds_within_500ms_total}. */
  public static String within(Sli sli) {
    return sli.metric() + "_within_" + sli.threshold().toLowerCase(Locale.ROOT) + "_total";
  }
}
