package io.emporium.observability.prometheus;

import io.emporium.observability.slo.Sli;
import io.emporium.observability.slo.Slo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Synthetic input series of one SLO (for one service) at one sample a minute: {@code
 * errors.applyAsDouble(minute)} is the share of bad events (or, for a gauge SLI, 1 when the gauge
 * is over its max that minute), at {@value #PER_MINUTE} events a minute.
 */
record Scenario(Slo slo, String service, int minutes, IntToDoubleFunction errors) {

  static final double PER_MINUTE = 100;

  /** promtool's input_series: series selector to its values, one per minute. */
  List<Map<String, String>> inputSeries() {
    Sli sli = slo.sli();
    List<Map<String, String>> series = new ArrayList<>();
    switch (sli.kind()) {
      case ratio -> {
        if (sli.good() != null) {
          series.add(counter(labels(sli.good(), null), e -> 1 - e));
          series.add(counter(labels(sli.total(), null), e -> 1));
        } else {
          series.add(counter(labels(sli.bad(), null), e -> e));
          series.add(counter(labels(sli.total(), sli.bad()), e -> 1 - e));
        }
      }
      case latency -> {
        var bucket = new LinkedHashMap<>(sli.where());
        bucket.put("le", List.of(sli.thresholdLe()));
        series.add(
            counter(labels(new Sli.Selector(sli.metric() + "_bucket", bucket), null), e -> 1 - e));
        series.add(
            counter(labels(new Sli.Selector(sli.metric() + "_count", sli.where()), null), e -> 1));
      }
      case gauge -> {
        List<String> values = new ArrayList<>();
        for (int m = 0; m <= minutes; m++) {
          values.add(PromQl.number(errors.applyAsDouble(m) > 0 ? sli.max() * 2 : 0));
        }
        series.add(
            Map.of(
                "series",
                labels(new Sli.Selector(sli.metric(), sli.where()), null),
                "values",
                String.join(" ", values)));
      }
    }
    return series;
  }

  private Map<String, String> counter(
      String selector, java.util.function.DoubleUnaryOperator share) {
    List<String> values = new ArrayList<>();
    double total = 0;
    for (int m = 0; m <= minutes; m++) {
      values.add(PromQl.number(Math.round(total * 1000) / 1000.0));
      total += PER_MINUTE * share.applyAsDouble(errors.applyAsDouble(m));
    }
    return Map.of("series", selector, "values", String.join(" ", values));
  }

  /**
   * A series selector that the SLI's selector matches: the first value of each label, a value no
   * exclusion matches, and (for the good side of a bad/total SLI) a value {@code not} lists not.
   */
  private String labels(Sli.Selector selector, Sli.Selector not) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (service != null) {
      labels.put(PromQl.SERVICE_LABEL, service);
    }
    selector
        .where()
        .forEach(
            (label, values) -> {
              List<String> excluded = values.stream().filter(v -> v.startsWith("!")).toList();
              List<String> included = values.stream().filter(v -> !v.startsWith("!")).toList();
              List<String> avoid =
                  not == null ? List.of() : not.where().getOrDefault(label, List.of());
              String value =
                  included.isEmpty()
                      ? "/api/synthetic"
                      : included.stream().filter(v -> !avoid.contains(v)).findFirst().orElseThrow();
              excluded.forEach(
                  x -> {
                    if (Pattern.matches(x.substring(1), value)) {
                      throw new IllegalStateException(label + "=" + value + " is excluded by " + x);
                    }
                  });
              labels.put(label, value);
            });
    return selector.metric()
        + labels.entrySet().stream()
            .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
            .collect(Collectors.joining(", ", "{", "}"));
  }
}
