package io.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCommandsTests {

  @Test
  void missingJarsAreNamedWithTheBuildCommand(@TempDir Path repo) {
    assertThatThrownBy(() -> ServiceCommands.requireJars(StackSettings.standard(repo)))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("services/catalog")
        .hasMessageContaining("services/edge")
        .hasMessageContaining("./mvnw -B -ntp package -DskipTests -pl services/catalog,");
  }

  @Test
  void servicesRunOnTheJdkRunningTheLauncherWithAModestHeap() {
    var jvm = ServiceCommands.jvm("order");

    assertThat(jvm.getFirst()).startsWith(System.getProperty("java.home"));
    assertThat(jvm).contains("-Xmx384m");
    if (Runtime.version().feature() >= 24) {
      assertThat(jvm)
          .contains("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED");
    }
  }

  @Test
  void tracingNamesTheServiceExportsNothingAndCarriesTheTraceThroughSnsAndSqs() {
    var env = ServiceCommands.tracingEnvironment("payment");

    assertThat(env)
        .containsEntry("OTEL_SERVICE_NAME", "payment")
        .containsEntry("OTEL_TRACES_EXPORTER", "none")
        .containsEntry(
            "OTEL_INSTRUMENTATION_AWS_SDK_EXPERIMENTAL_USE_PROPAGATOR_FOR_MESSAGING", "true");
  }

  @Test
  void withAnOtlpEndpointTheAgentExportsTracesThereAsHttpProtobuf() {
    var env =
        ServiceCommands.tracingEnvironment("order", java.net.URI.create("http://127.0.0.1:4318"));

    assertThat(env)
        .containsEntry("OTEL_SERVICE_NAME", "order")
        .containsEntry("OTEL_TRACES_EXPORTER", "otlp")
        .containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
        .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")
        .containsEntry("OTEL_METRICS_EXPORTER", "none");
  }

  @Test
  void localPrometheusScrapesEveryServiceWithTheClustersRules() {
    var settings = StackSettings.standard(java.nio.file.Path.of("/repo"));

    String config = LocalPrometheus.config(settings);

    assertThat(config)
        .contains("metrics_path: /actuator/prometheus")
        .contains("'/repo/helm/observability/rules/slo.rules.yaml'")
        .contains(
            "'127.0.0.1:8081', '127.0.0.1:8082', '127.0.0.1:8083', '127.0.0.1:8084',"
                + " '127.0.0.1:8085'");
  }
}
