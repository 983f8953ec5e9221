package io.emporium.observability.slo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an SLO measures. {@code ratio}: {@code good} (or {@code bad}) over {@code total} counters;
 * {@code latency}: a histogram's events at or under {@code threshold}; {@code gauge}: the share of
 * time a gauge stays at or under {@code max}.
 */
public record Sli(
    Kind kind,
    Selector good,
    Selector bad,
    Selector total,
    String metric,
    String threshold,
    Map<String, List<String>> where,
    Double max) {

  public enum Kind {
    ratio,
    latency,
    gauge
  }

  public Sli {
    where = where == null ? Map.of() : new LinkedHashMap<>(where);
    switch (kind) {
      case ratio -> {
        if ((good == null) == (bad == null) || total == null) {
          throw new IllegalArgumentException("a ratio SLI has good or bad, and total");
        }
      }
      case latency -> {
        if (metric == null) {
          throw new IllegalArgumentException("a latency SLI names its histogram (metric)");
        }
        Durations.millis(threshold);
      }
      case gauge -> {
        if (metric == null || max == null) {
          throw new IllegalArgumentException("a gauge SLI has metric and max");
        }
      }
    }
  }

  /** The histogram's bucket bound of the threshold, as Prometheus writes it: 10s -> "10.0". */
  public String thresholdLe() {
    return Double.toString(Durations.millis(threshold) / 1000.0);
  }

  /** A counter and the label values it is filtered on. */
  public record Selector(String metric, Map<String, List<String>> where) {
    public Selector {
      where = where == null ? Map.of() : new LinkedHashMap<>(where);
    }
  }
}
