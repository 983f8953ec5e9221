package io.emporium.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every chart passes `helm lint --strict` and renders, with the dev and with the prod values. */
class ChartRenderingTests {

  static Stream<Arguments> chartsAndEnvs() {
    return Charts.services().stream()
        .flatMap(service -> Charts.ENVS.stream().map(env -> Arguments.of(service, env)));
  }

  @Test
  void findsTheFiveServiceCharts() {
    assertThat(Charts.services())
        .containsExactly("cart", "catalog", "notification", "order", "payment");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void lintsCleanWithTheEnvironmentsValues(String service, String env) {
    LintResult lint = Charts.lint(service, env);

    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chartsAndEnvs")
  void rendersTheServiceWithTheEnvironmentsValues(String service, String env) throws IOException {
    String manifests = Charts.render(service, env);
    Path out = Charts.helmDir().resolve("target/rendered").resolve(service + "-" + env + ".yaml");
    Files.createDirectories(out.getParent());
    Files.writeString(out, manifests);

    assertThat(Charts.manifests(service, env))
        .extracting(m -> m.get("kind"))
        .contains(
            "Deployment",
            "Service",
            "ServiceAccount",
            "ConfigMap",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "ServiceMonitor",
            "Ingress");
  }
}
