package io.emporium.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code EMPORIUM_OBSERVABILITY=true ./emporium up}: Debian's Prometheus on 127.0.0.1:9090,
 * scraping every service every 5 s and evaluating the same SLO rules the cluster runs
 * (helm/observability/rules, generated from observability/slo.yaml). Its data lives in {@code
 * <state>/data/prometheus}, so the SLOs' windows survive a restart.
 */
final class LocalPrometheus {

  static final int PORT = 9090;
  static final String ENV = "EMPORIUM_OBSERVABILITY";
  static final String RULES = "helm/observability/rules/slo.rules.yaml";
  private static final List<String> BINARIES =
      List.of("/usr/bin/prometheus", "/usr/local/bin/prometheus");

  private LocalPrometheus() {}

  static boolean wanted() {
    return Boolean.parseBoolean(System.getenv().getOrDefault(ENV, "false"));
  }

  static Optional<Path> binary() {
    return BINARIES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }

  static URI url() {
    return URI.create("http://127.0.0.1:" + PORT);
  }

  /** The scrape configuration: each service's /actuator/prometheus, and the SLO rules. */
  static String config(StackSettings settings) {
    String targets =
        StackSettings.SERVICES.stream()
            .map(s -> "'127.0.0.1:" + settings.ports().of(s) + "'")
            .collect(Collectors.joining(", "));
    return """
        # Written by ./emporium up (EMPORIUM_OBSERVABILITY=true); the rules are the cluster's.
        global:
          scrape_interval: 5s
          evaluation_interval: 15s
          external_labels:
            env: local
        rule_files:
          - '%s'
        scrape_configs:
          - job_name: emporium
            metrics_path: /actuator/prometheus
            static_configs:
              - targets: [%s]
        """
        .formatted(settings.repoRoot().resolve(RULES), targets);
  }

  /** Starts Prometheus and waits until it is ready; its log is {@code <logs>/prometheus.log}. */
  static ServiceProcess start(StackSettings settings, Path binary) {
    Path dir = settings.stateDir().resolve("prometheus");
    Path data = settings.stateDir().resolve("data").resolve("prometheus");
    try {
      Files.createDirectories(dir);
      Files.createDirectories(data);
      Files.writeString(dir.resolve("prometheus.yml"), config(settings));
    } catch (IOException e) {
      throw new LaunchException("cannot write " + dir + ": " + e.getMessage(), e);
    }
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--config.file=" + dir.resolve("prometheus.yml"));
    command.add("--storage.tsdb.path=" + data);
    command.add("--storage.tsdb.retention.time=30d");
    command.add("--web.listen-address=127.0.0.1:" + PORT);
    command.add("--enable-feature=exemplar-storage");
    ServiceProcess process =
        new ServiceProcess(
            "prometheus", PORT, command, java.util.Map.of(), settings.log("prometheus"));
    process.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!Readiness.answers(url().resolve("/-/ready"))) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        String tail = process.tail(20);
        process.stop();
        throw new LaunchException(
            "Prometheus did not start; " + settings.log("prometheus") + ":\n" + tail);
      }
      Readiness.sleep(Duration.ofMillis(250));
    }
    return process;
  }
}
