package io.emporium.observability;

import io.emporium.observability.cloudwatch.CloudWatchAlarms;
import io.emporium.observability.grafana.Dashboards;
import io.emporium.observability.prometheus.PrometheusRules;
import io.emporium.observability.slo.SloFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything generated from observability/slo.yaml, by path in the repository: the Prometheus rules
 * and the Grafana dashboards the observability chart ships, and the CloudWatch alarms' JSON.
 * GeneratedFilesTests fails when a committed file differs; {@code main} (or that test with {@code
 * -Demporium.observability.regenerate=true}) rewrites them.
 */
public final class Generate {

  public static final String SLO_FILE = "observability/slo.yaml";
  public static final String RULES = "helm/observability/rules/slo.rules.yaml";
  public static final String DASHBOARDS = "helm/observability/dashboards";
  public static final String CLOUDWATCH = "terraform/modules/observability/slo-alarms.json";

  private Generate() {}

  public static SloFile slos(Path repoRoot) {
    return SloFile.load(repoRoot.resolve(SLO_FILE));
  }

  public static Map<String, String> outputs(Path repoRoot) {
    SloFile slos = slos(repoRoot);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(RULES, PrometheusRules.yaml(slos));
    Dashboards.all(slos)
        .forEach((name, board) -> files.put(DASHBOARDS + "/" + name + ".json", board.json()));
    files.put(CLOUDWATCH, CloudWatchAlarms.json(slos));
    return files;
  }

  public static void write(Path repoRoot) {
    outputs(repoRoot)
        .forEach(
            (path, content) -> {
              try {
                Path file = repoRoot.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, content);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    write(root);
    System.out.println("[observability] generated from " + root.resolve(SLO_FILE));
  }
}
