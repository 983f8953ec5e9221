package io.emporium.observability.prometheus;

import io.emporium.observability.slo.Sli;
import io.emporium.observability.slo.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PromQL of an SLI: its error ratio over a window, for one service (the {@code application}
 * label) or the whole shop. Recording rules, dashboards and {@code ./emporium slo} all use these.
 */
public final class PromQl {

  /** The label every service's metrics carry (management.metrics.tags.application). */
  public static final String SERVICE_LABEL = "application";

  private PromQl() {}

  /**
   * The error ratio (0 = all good) of {@code slo} over {@code window}; a gauge SLI reads the
   * recorded instant errors ({@link SloRecordingRules#INSTANT}).
   */
  public static String errorRatio(Slo slo, String service, String window) {
    Sli sli = slo.sli();
    return switch (sli.kind()) {
      case ratio ->
          sli.bad() != null
              ? ratio(counted(sli.bad(), service, window), rate(sli.total(), service, window))
              : goodToErrors(
                  ratio(counted(sli.good(), service, window), rate(sli.total(), service, window)));
      case latency -> {
        var bucket = new Sli.Selector(sli.metric() + "_bucket", withLe(sli));
        var count = new Sli.Selector(sli.metric() + "_count", sli.where());
        yield goodToErrors(ratio(counted(bucket, service, window), rate(count, service, window)));
      }
      case gauge ->
          "avg_over_time("
              + SloRecordingRules.INSTANT
              + recordingLabels(slo, service)
              + "["
              + window
              + "])";
    };
  }

  /** A gauge SLI's errors now: 1 when the highest value over the replicas exceeds its max. */
  public static String gaugeErrorNow(Slo slo, String service) {
    Sli sli = slo.sli();
    return "max("
        + selector(new Sli.Selector(sli.metric(), sli.where()), service)
        + ") > bool "
        + number(sli.max());
  }

  /** {@code {slo="outbox-lag", service="order"}}: how recorded series of an SLO are labelled. */
  public static String recordingLabels(Slo slo, String service) {
    return "{slo=\""
        + slo.name()
        + "\""
        + (service == null ? "" : ", service=\"" + service + "\"")
        + "}";
  }

  public static String selector(Sli.Selector selector, String service) {
    List<String> matchers = new ArrayList<>();
    if (service != null) {
      matchers.add(SERVICE_LABEL + "=\"" + service + "\"");
    }
    selector.where().forEach((label, values) -> matchers.add(matcher(label, values)));
    return selector.metric() + (matchers.isEmpty() ? "" : "{" + String.join(", ", matchers) + "}");
  }

  public static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static String matcher(String label, List<String> values) {
    List<String> include = values.stream().filter(v -> !v.startsWith("!")).toList();
    List<String> exclude =
        values.stream().filter(v -> v.startsWith("!")).map(v -> v.substring(1)).toList();
    if (!include.isEmpty() && !exclude.isEmpty()) {
      throw new IllegalArgumentException(label + ": either values or exclusions (!), not both");
    }
    return include.isEmpty()
        ? label + "!~\"" + String.join("|", exclude) + "\""
        : include.size() == 1
            ? label + "=\"" + include.getFirst() + "\""
            : label + "=~\"" + String.join("|", include) + "\"";
  }

  private static Map<String, List<String>> withLe(Sli sli) {
    var where = new java.util.LinkedHashMap<>(sli.where());
    where.put("le", List.of(sli.thresholdLe()));
    return where;
  }

  private static String rate(Sli.Selector selector, String service, String window) {
    return "sum(rate(" + selector(selector, service) + "[" + window + "]))";
  }

  /**
   * The numerator's rate, 0 when none of its series exists yet (no 5xx has ever been counted, so
   * Micrometer has no such series): the ratio is then 0 errors, not "no data".
   */
  private static String counted(Sli.Selector selector, String service, String window) {
    return "(" + rate(selector, service, window) + " or vector(0))";
  }

  /**
   * 1 - the good ratio, never below 0: good events counted in a window can outnumber its valid ones
   * (orders placed before the window that complete in it, after an outage), which is not a negative
   * error ratio.
   */
  private static String goodToErrors(String goodRatio) {
    return "clamp_min(1 - " + goodRatio + ", 0)";
  }

  /**
   * numerator / denominator, and nothing (not NaN) when the denominator is 0: a window without
   * events records no sample, so it cannot poison the budget window's average.
   */
  private static String ratio(String numerator, String denominator) {
    return "(" + numerator + " / (" + denominator + " > 0))";
  }
}
