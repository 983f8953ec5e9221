package io.emporium.observability.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.emporium.observability.Generate;
import io.emporium.observability.prometheus.MetricNames;
import io.emporium.observability.prometheus.PrometheusRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed dashboards are valid Grafana JSON models: unique uids and panel ids, panels inside
 * the 24-column grid without overlapping, every query on the Prometheus data source variable, and
 * every recording rule a query reads is one the generated rules record. (That every other metric is
 * exported by the services is checked against running services by the end-to-end suite.)
 */
class DashboardModelTests {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyDashboardIsAValidModel() throws IOException {
    List<JsonNode> boards = dashboards();
    Set<String> uids = new HashSet<>();

    assertThat(boards).hasSize(6);
    for (JsonNode board : boards) {
      String uid = board.get("uid").asText();
      assertThat(uids.add(uid)).as("unique uid " + uid).isTrue();
      assertThat(board.get("title").asText()).startsWith("Emporium / ");
      assertThat(board.get("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
      assertThat(board.at("/templating/list/0/type").asText()).isEqualTo("datasource");
      Set<Integer> ids = new HashSet<>();
      List<int[]> cells = new ArrayList<>();
      for (JsonNode panel : board.get("panels")) {
        String where = uid + " / " + panel.get("title").asText();
        assertThat(ids.add(panel.get("id").asInt())).as(where + ": unique id").isTrue();
        assertThat(panel.get("type").asText()).as(where).isIn("timeseries", "stat");
        JsonNode grid = panel.get("gridPos");
        int x = grid.get("x").asInt();
        int y = grid.get("y").asInt();
        int w = grid.get("w").asInt();
        int h = grid.get("h").asInt();
        assertThat(x + w).as(where + ": inside the grid").isLessThanOrEqualTo(24);
        for (int[] other : cells) {
          boolean overlaps =
              x < other[0] + other[2]
                  && other[0] < x + w
                  && y < other[1] + other[3]
                  && other[1] < y + h;
          assertThat(overlaps).as(where + ": overlaps another panel").isFalse();
        }
        cells.add(new int[] {x, y, w, h});
        assertThat(panel.get("targets")).as(where).isNotEmpty();
        for (JsonNode target : panel.get("targets")) {
          assertThat(target.get("datasource")).as(where).isEqualTo(panel.get("datasource"));
          if (isCloudWatch(panel)) {
            assertThat(target.at("/datasource/uid").asText()).isEqualTo(Panel.CLOUDWATCH_UID);
            assertThat(target.get("expression").asText()).as(where).startsWith("SEARCH('{AWS/SQS,");
          } else {
            assertThat(target.at("/datasource/uid").asText()).isEqualTo("${datasource}");
            assertThat(target.get("expr").asText()).as(where).isNotBlank();
          }
        }
      }
    }
  }

  /**
   * The overview's SQS panels read CloudWatch through the data source kube-prometheus-stack's
   * Grafana is given (argocd/apps/values.yaml), queues and DLQs alike; only they do.
   */
  @Test
  void sqsPanelsReadTheProvisionedCloudWatchDataSource() throws IOException {
    List<String> cloudWatch = new ArrayList<>();
    for (JsonNode board : dashboards()) {
      for (JsonNode panel : board.get("panels")) {
        if (isCloudWatch(panel)) {
          cloudWatch.add(board.get("uid").asText() + ": " + panel.get("title").asText());
        }
      }
    }
    assertThat(cloudWatch)
        .hasSize(4)
        .allMatch(p -> p.startsWith("emporium-overview: ") && p.contains("(CloudWatch)"));
    JsonNode values =
        new ObjectMapper(new YAMLFactory())
            .readTree(ROOT.resolve("argocd/apps/values.yaml").toFile());
    JsonNode grafana =
        new ObjectMapper(new YAMLFactory())
            .readTree(
                values
                    .at("/addons/kube-prometheus-stack/values")
                    .asText()
                    .replaceAll("\\{\\{[^}]*}}", "x"))
            .at("/grafana/additionalDataSources");
    assertThat(grafana.findValuesAsText("uid")).contains(Panel.CLOUDWATCH_UID);
    assertThat(grafana.findValuesAsText("type")).contains("cloudwatch");
  }

  static boolean isCloudWatch(JsonNode panel) {
    return panel.at("/datasource/type").asText().equals("cloudwatch");
  }

  @Test
  void recordingRulesTheDashboardsReadAreRecorded() throws IOException {
    Set<String> recorded = recordedNames();
    for (JsonNode board : dashboards()) {
      for (JsonNode panel : board.get("panels")) {
        for (JsonNode target : panel.get("targets")) {
          MetricNames.of(target.path("expr").asText()).stream()
              .filter(n -> n.contains(":"))
              .forEach(n -> assertThat(recorded).as(panel.get("title").asText()).contains(n));
        }
      }
    }
  }

  @Test
  void metricNamesAreReadFromPromQl() {
    assertThat(
            MetricNames.of(
                "histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket{application=\"x\", uri!~\"/actuator.*\"}[5m])))"))
        .containsExactly("http_server_requests_seconds_bucket");
    assertThat(MetricNames.of("max by (queue) (a_b) > bool 30 or slo:x:y{slo=\"s\"} / on (k) c"))
        .containsExactly("a_b", "slo:x:y", "c");
  }

  static List<JsonNode> dashboards() throws IOException {
    List<JsonNode> boards = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve(Generate.DASHBOARDS))) {
      for (Path file : files.sorted().toList()) {
        boards.add(JSON.readTree(file.toFile()));
      }
    }
    return boards;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> recordedNames() {
    Set<String> names = new HashSet<>();
    Map<String, Object> rules = PrometheusRules.of(Generate.slos(ROOT));
    for (Object group : (List<Object>) rules.get("groups")) {
      for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
        Object record = ((Map<String, Object>) rule).get("record");
        if (record != null) {
          names.add(record.toString());
        }
      }
    }
    return names;
  }
}
