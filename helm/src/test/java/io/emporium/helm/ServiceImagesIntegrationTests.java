package io.emporium.helm;

import static io.emporium.helm.Manifests.list;
import static io.emporium.helm.Manifests.map;
import static io.emporium.helm.Manifests.only;
import static io.emporium.helm.Manifests.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The image Jib builds for each service (target/jib-image.tar, built by every verify) is the one
 * its chart runs: same repository, port, non-root user, OpenTelemetry agent path, and tagged with
 * the git sha that values-&lt;env&gt;.yaml promotes.
 */
class ServiceImagesIntegrationTests {

  static List<String> services() {
    return Charts.services();
  }

  private static ImageTar image(String service) {
    Path tar =
        Charts.repoRoot().resolve("services").resolve(service).resolve("target/jib-image.tar");
    assertThat(tar)
        .as("%s's image: built by `./mvnw verify` (Jib buildTar in pre-integration-test)", service)
        .exists();
    return ImageTar.read(tar);
  }

  private static Map<String, Object> container(String service) {
    Map<String, Object> pod =
        map(only(Charts.manifests(service, "dev"), "Deployment"), "spec.template.spec");
    return list(pod, "containers").get(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void imageIsTheChartsRepositoryTaggedWithTheGitSha(String service) {
    ImageTar image = image(service);
    String repository = image.reference().substring(0, image.reference().lastIndexOf(':'));
    String tag = image.reference().substring(image.reference().lastIndexOf(':') + 1);

    assertThat(repository).endsWith("/emporium/" + service);
    String chartImage = string(container(service), "image");
    assertThat(chartImage.substring(0, chartImage.lastIndexOf(':')))
        .endsWith("/emporium/" + service);
    assertThat(tag).matches("[0-9a-f]{7,40}");
    assertThat(image.config().at("/Labels/org.opencontainers.image.revision").asText())
        .isEqualTo(tag);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void imageExposesTheChartsPortAndRunsAsTheNonRootUser(String service) {
    ImageTar image = image(service);
    Object containerPort = list(container(service), "ports").get(0).get("containerPort");

    assertThat(fieldNames(image.config().get("ExposedPorts")))
        .containsExactly(containerPort + "/tcp");
    assertThat(image.config().get("User").asText()).isEqualTo("65532:65532");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void imageStartsTheServiceWithTheAgentTheChartAttaches(String service) {
    ImageTar image = image(service);
    String application =
        Character.toUpperCase(service.charAt(0)) + service.substring(1) + "Application";
    List<String> entrypoint = new ArrayList<>();
    image.config().get("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
    String javaToolOptions =
        list(container(service), "env").stream()
            .filter(env -> "JAVA_TOOL_OPTIONS".equals(env.get("name")))
            .map(env -> (String) env.get("value"))
            .findFirst()
            .orElseThrow();

    assertThat(entrypoint).first().isEqualTo("java");
    assertThat(entrypoint).last().isEqualTo("io.emporium." + service + "." + application);
    assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75");
    assertThat(image.files())
        .contains(
            "app/classes/io/emporium/" + service + "/" + application + ".class",
            "otel/opentelemetry-javaagent.jar");
    assertThat(javaToolOptions).isEqualTo("-javaagent:/otel/opentelemetry-javaagent.jar");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
