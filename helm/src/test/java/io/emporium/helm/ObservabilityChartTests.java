package io.emporium.helm;

import static io.emporium.helm.Manifests.ofKind;
import static io.emporium.helm.Manifests.only;
import static io.emporium.helm.Manifests.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * helm/observability ships the generated SLO rules as a PrometheusRule and every generated
 * dashboard as a ConfigMap the Grafana sidecar loads; Argo CD deploys it once per cluster, beside
 * kube-prometheus-stack, and not as a service.
 */
class ObservabilityChartTests {

  private static final Path CHART = Charts.helmDir().resolve(Charts.OBSERVABILITY);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Map<String, Object>> manifests = Charts.parse(Charts.renderObservability());

  @Test
  void prometheusRuleCarriesTheGeneratedRulesVerbatim() {
    Map<String, Object> rule = only(manifests, "PrometheusRule");
    Map<String, Object> generated = Charts.read(CHART.resolve("rules/slo.rules.yaml"));

    assertThat(Manifests.at(rule, "spec")).isEqualTo(generated);
    assertThat(Manifests.list(rule, "spec.groups"))
        .extracting(g -> g.get("name"))
        .contains("slo-checkout-success", "dead-letters");
  }

  @Test
  void everyDashboardIsAConfigMapTheGrafanaSidecarLoads() throws IOException {
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(CHART.resolve("dashboards"))) {
      dashboards = files.sorted().toList();
    }
    List<Map<String, Object>> maps = ofKind(manifests, "ConfigMap");

    assertThat(dashboards).hasSizeGreaterThanOrEqualTo(6);
    assertThat(maps).hasSameSizeAs(dashboards);
    for (Path dashboard : dashboards) {
      String file = dashboard.getFileName().toString();
      Map<String, Object> map =
          maps.stream()
              .filter(m -> Manifests.map(m, "data").containsKey(file))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no ConfigMap carries " + file));
      assertThat(Manifests.map(map, "metadata.labels")).containsEntry("grafana_dashboard", "1");
      assertThat(JSON.readTree((String) Manifests.map(map, "data").get(file)))
          .isEqualTo(JSON.readTree(dashboard.toFile()));
    }
  }

  @Test
  void argoCdDeploysItOnceIntoMonitoringAndNotAsAService() {
    for (String env : Charts.ENVS) {
      List<Map<String, Object>> apps = Charts.parse(Charts.renderArgoCdApps(env));
      Map<String, Object> app =
          ofKind(apps, "Application").stream()
              .filter(a -> "observability".equals(string(a, "metadata.name")))
              .findFirst()
              .orElseThrow();

      assertThat(string(app, "spec.source.path")).isEqualTo("helm/observability");
      assertThat(string(app, "spec.destination.namespace")).isEqualTo("monitoring");
      assertThat(string(app, "spec.project")).isEqualTo("platform");
      assertThat(Charts.services()).doesNotContain(Charts.OBSERVABILITY);
    }
  }

  @Test
  void servicesLogJsonInTheCluster() {
    for (String service : Charts.services()) {
      Map<String, Object> config = only(Charts.manifests(service, "dev"), "ConfigMap");
      assertThat(string(config, "data.LOGGING_STRUCTURED_FORMAT_CONSOLE"))
          .as(service)
          .isEqualTo("ecs");
    }
  }
}
