package io.emporium.observability.grafana;

import java.util.List;

/**
 * One Grafana panel: a time series or a stat, its queries (PromQL, with a legend) and unit. Laid
 * out by {@link Dashboard} in rows of two (time series) or four (stats).
 */
public record Panel(String type, String title, String unit, List<Query> queries) {

  public static Panel timeseries(String title, String unit, Query... queries) {
    return new Panel("timeseries", title, unit, List.of(queries));
  }

  public static Panel stat(String title, String unit, Query... queries) {
    return new Panel("stat", title, unit, List.of(queries));
  }

  public record Query(String expr, String legend) {}

  public static Query q(String expr, String legend) {
    return new Query(expr, legend);
  }
}
