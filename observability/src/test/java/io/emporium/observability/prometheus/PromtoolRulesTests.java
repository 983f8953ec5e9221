package io.emporium.observability.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.emporium.observability.Generate;
import io.emporium.observability.slo.BurnAlert;
import io.emporium.observability.slo.Durations;
import io.emporium.observability.slo.Sli;
import io.emporium.observability.slo.Slo;
import io.emporium.observability.slo.SloFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated rules under {@code promtool test rules}, for every SLO (the first service of a
 * per-service one): a synthetic outage fires FastBurn within its window, a slow degradation fires
 * SlowBurn and not FastBurn, a healthy series fires nothing; a new dead letter fires DeadLetters.
 */
class PromtoolRulesTests {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path RULES = ROOT.resolve(Generate.RULES);
  private static final Path WORK = Path.of("target/promtool");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final SloFile SLOS = Generate.slos(ROOT);
  private static final BurnAlert FAST = SLOS.alerts().get(0);
  private static final BurnAlert SLOW = SLOS.alerts().get(1);
  private static final int HEALTHY_BEFORE_OUTAGE = 60;

  @Test
  void rulesFileIsValid() {
    Promtool.Result result = Promtool.run("check", "rules", RULES.toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @TestFactory
  Stream<DynamicTest> outageFiresFastBurnWithinItsWindow() {
    return SLOS.slos().stream()
        .map(
            slo ->
                DynamicTest.dynamicTest(
                    slo.name(),
                    () -> {
                      // Healthy for an hour, then every event bad (or the gauge over its max):
                      // FastBurn fires when its windows say it should, and within its first
                      // (shortest) long window.
                      int fires = HEALTHY_BEFORE_OUTAGE + minutesToFire(slo) + 2;
                      assertThat(fires - HEALTHY_BEFORE_OUTAGE)
                          .as(slo.name() + ": minutes from outage to page")
                          .isLessThanOrEqualTo(
                              (int)
                                  (Durations.seconds(FAST.windows().getFirst().longWindow()) / 60));
                      var outage = scenario(slo, fires + 5, m -> m < HEALTHY_BEFORE_OUTAGE ? 0 : 1);
                      passes(
                          slo.name() + "-outage",
                          slo,
                          outage,
                          List.of(
                              expect(FAST, slo, HEALTHY_BEFORE_OUTAGE - 5, false),
                              expect(FAST, slo, fires, true)));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> slowDegradationFiresSlowBurnOnly() {
    return SLOS.slos().stream()
        .map(
            slo ->
                DynamicTest.dynamicTest(
                    slo.name(),
                    () -> {
                      var slow = scenario(slo, 200, degraded(slo));
                      passes(
                          slo.name() + "-slow",
                          slo,
                          slow,
                          List.of(expect(SLOW, slo, 190, true), expect(FAST, slo, 190, false)));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> healthySeriesFiresNothing() {
    return SLOS.slos().stream()
        .map(
            slo ->
                DynamicTest.dynamicTest(
                    slo.name(),
                    () -> {
                      var healthy = scenario(slo, 240, healthy(slo));
                      List<Map<String, Object>> checks = new ArrayList<>();
                      for (int at : new int[] {80, 160, 240}) {
                        checks.add(expect(FAST, slo, at, false));
                        checks.add(expect(SLOW, slo, at, false));
                      }
                      passes(slo.name() + "-healthy", slo, healthy, checks);
                    }));
  }

  @Test
  void aNewDeadLetterFiresDeadLetters() throws IOException {
    var dead = SLOS.deadLetters();
    String queue = "emporium-local-order-from-payment";
    List<String> values = new ArrayList<>();
    for (int m = 0; m <= 40; m++) {
      values.add(m < 30 ? "0" : "1");
    }
    Map<String, String> series =
        Map.of(
            "series",
            dead.metric() + "{application=\"order\", queue=\"" + queue + "\"}",
            "values",
            String.join(" ", values));
    Map<String, Object> firing = new LinkedHashMap<>();
    firing.put("eval_time", "35m");
    firing.put("alertname", dead.alert());
    firing.put(
        "exp_alerts",
        List.of(
            Map.of(
                "exp_labels",
                Map.of("severity", dead.severity(), "application", "order", "queue", queue),
                "exp_annotations",
                annotations(PrometheusRules.of(SLOS), dead.alert(), "order", queue))));
    Map<String, Object> quiet =
        Map.of("eval_time", "25m", "alertname", dead.alert(), "exp_alerts", List.of());

    passes("dead-letters", rulesOf(null, null), List.of(series), List.of(quiet, firing));
  }

  /** The harness can fail: expecting an alert a healthy series does not fire fails promtool. */
  @Test
  void promtoolFailsWhenAnExpectedAlertDoesNotFire() throws IOException {
    Slo slo = SLOS.slo("checkout-success");
    var healthy = scenario(slo, 120, healthy(slo));

    Promtool.Result result =
        run(
            "wrong-expectation",
            rulesOf(slo, null),
            healthy.inputSeries(),
            List.of(expect(FAST, slo, 120, true)));

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains(FAST.alertName(slo));
  }

  private static Scenario scenario(Slo slo, int minutes, IntToDoubleFunction errors) {
    return new Scenario(slo, slo.perService() ? slo.services().getFirst() : null, minutes, errors);
  }

  /** 4x the budget (a gauge: over its max one minute in 40, 5x its budget of 0.5%). */
  private static IntToDoubleFunction degraded(Slo slo) {
    if (slo.sli().kind() == Sli.Kind.gauge) {
      return m -> m % 40 == 20 ? 1 : 0;
    }
    return m -> 4 * slo.errorBudget();
  }

  /**
   * Minutes from the start of a total outage (after {@link #HEALTHY_BEFORE_OUTAGE} good minutes)
   * until a FastBurn window pair holds, plus the alert's pending time: what the rules should do.
   */
  private static int minutesToFire(Slo slo) {
    int pending = (int) (Durations.seconds(FAST.pending()) / 60);
    for (int x = 1; x < 24 * 60; x++) {
      for (BurnAlert.Window w : FAST.windows()) {
        double threshold = w.factor() * slo.errorBudget();
        if (ratio(x, w.longWindow()) > threshold && ratio(x, w.shortWindow()) > threshold) {
          return x + pending;
        }
      }
    }
    throw new AssertionError(slo.name() + ": a total outage never fires FastBurn");
  }

  /** The error ratio over a window, x minutes into an outage after the healthy minutes. */
  private static double ratio(int x, String window) {
    int minutes = (int) (Durations.seconds(window) / 60);
    return (double) Math.min(x, minutes) / Math.min(HEALTHY_BEFORE_OUTAGE + x, minutes);
  }

  /** Half the budget (a gauge: over its max for one minute in six hours). */
  private static IntToDoubleFunction healthy(Slo slo) {
    if (slo.sli().kind() == Sli.Kind.gauge) {
      return m -> m == 200 ? 1 : 0;
    }
    return m -> slo.errorBudget() / 2;
  }

  private static Map<String, Object> expect(BurnAlert alert, Slo slo, int minute, boolean firing) {
    String service = slo.perService() ? slo.services().getFirst() : null;
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("eval_time", minute + "m");
    check.put("alertname", alert.alertName(slo));
    check.put(
        "exp_alerts",
        firing
            ? List.of(
                Map.of(
                    "exp_labels",
                    SloAlertRules.labels(alert, slo, service),
                    "exp_annotations",
                    SloAlertRules.annotations(SLOS, alert, slo, service)))
            : List.of());
    return check;
  }

  private static void passes(
      String name, Slo slo, Scenario scenario, List<Map<String, Object>> checks)
      throws IOException {
    passes(name, rulesOf(slo, scenario.service()), scenario.inputSeries(), checks);
  }

  private static void passes(
      String name, Path rules, List<Map<String, String>> series, List<Map<String, Object>> checks)
      throws IOException {
    Promtool.Result result = run(name, rules, series, checks);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  /**
   * The generated rules of one SLO and service (all of {@code slo} when service is null; the
   * dead-letter group when slo is null): promtool evaluates only what the scenario exercises, so
   * each run takes seconds, not minutes. The whole file is checked by {@link #rulesFileIsValid}.
   */
  @SuppressWarnings("unchecked")
  private static Path rulesOf(Slo slo, String service) throws IOException {
    List<Map<String, Object>> groups = new ArrayList<>();
    for (Object g : (List<Object>) PrometheusRules.of(SLOS).get("groups")) {
      Map<String, Object> group = (Map<String, Object>) g;
      List<Object> rules = new ArrayList<>();
      for (Object r : (List<Object>) group.get("rules")) {
        Map<String, String> labels = (Map<String, String>) ((Map<String, Object>) r).get("labels");
        boolean ours =
            slo == null
                ? group.get("name").equals("dead-letters")
                : slo.name().equals(labels.get("slo"))
                    && (service == null || service.equals(labels.get("service")));
        if (ours) {
          rules.add(r);
        }
      }
      if (!rules.isEmpty()) {
        groups.add(Map.of("name", group.get("name"), "rules", rules));
      }
    }
    Files.createDirectories(WORK);
    Path file =
        WORK.resolve((slo == null ? "dead-letters" : slo.name() + "-" + service) + ".rules.yaml");
    YAML.writeValue(file.toFile(), Map.of("groups", groups));
    return file;
  }

  private static Promtool.Result run(
      String name, Path rules, List<Map<String, String>> series, List<Map<String, Object>> checks)
      throws IOException {
    Map<String, Object> test = new LinkedHashMap<>();
    test.put("interval", "1m");
    test.put("input_series", series);
    test.put("alert_rule_test", checks);
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("rule_files", List.of(rules.toAbsolutePath().toString()));
    file.put("evaluation_interval", "1m");
    file.put("tests", List.of(test));
    Files.createDirectories(WORK);
    Path path = WORK.resolve(name + ".test.yaml");
    YAML.writeValue(path.toFile(), file);
    return Promtool.run("test", "rules", path.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> annotations(
      Map<String, Object> rules, String alert, String application, String queue) {
    for (Object group : (List<Object>) rules.get("groups")) {
      for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
        Map<String, Object> r = (Map<String, Object>) rule;
        if (alert.equals(r.get("alert"))) {
          Map<String, String> expanded = new LinkedHashMap<>();
          ((Map<String, String>) r.get("annotations"))
              .forEach(
                  (k, v) ->
                      expanded.put(
                          k,
                          v.replace("{{ $labels.queue }}", queue)
                              .replace("{{ $labels.application }}", application)));
          return expanded;
        }
      }
    }
    throw new AssertionError("no alert " + alert);
  }
}
