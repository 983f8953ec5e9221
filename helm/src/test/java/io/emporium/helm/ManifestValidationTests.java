package io.emporium.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rendered manifest and everything in argocd/ validates against the schemas of its kind
 * (Kubernetes, Argo CD, KEDA, External Secrets, Prometheus operator), unknown fields included.
 */
class ManifestValidationTests {

  private static final Path OUT = Charts.helmDir().resolve("target/validation");

  @Test
  void renderedChartsAndArgoCdManifestsAreValid() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String service : Charts.services()) {
      for (String env : Charts.ENVS) {
        files.add(write(service + "-" + env + ".yaml", Charts.render(service, env)));
      }
    }
    for (String env : Charts.ENVS) {
      files.add(write("argocd-apps-" + env + ".yaml", Charts.renderArgoCdApps(env)));
    }
    files.add(write("observability.yaml", Charts.renderObservability()));
    files.addAll(plainArgoCdManifests());

    ManifestValidator.Result result = ManifestValidator.validate(files);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("0 problems").doesNotContain("validated 0 documents");
  }

  /** A rendered chart with one field broken must fail, naming the field. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "misspelt field of a Kubernetes kind | order | dev |       containers: |       contaners:"
            + " | Deployment/order: spec.template.spec.contaners: unknown field",
        "misspelt field of a custom resource | order | dev |   triggers: |   trigers:"
            + " | ScaledObject/order: spec.trigers: unknown field",
        "value of the wrong type | cart | prod | containerPort: 8082 | containerPort: http8082"
            + " | Deployment/cart: data/spec/template/spec/containers/0/ports/0/containerPort must be integer",
      })
  void rejectsABrokenManifest(
      String label, String service, String env, String field, String broken, String problem)
      throws IOException {
    String manifests = Charts.render(service, env).replace(field, broken);
    Path file = write(label.replace(' ', '-') + ".yaml", manifests);

    ManifestValidator.Result result = ManifestValidator.validate(List.of(file));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains(problem);
  }

  @Test
  void rejectsAKindItHasNoSchemaFor() throws IOException {
    Path file =
        write(
            "unknown-kind.yaml",
            "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");

    ManifestValidator.Result result = ManifestValidator.validate(List.of(file));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("no schema for example.com/v1 Widget");
  }

  /** argocd/ outside the app-of-apps chart: the bootstrap roots and argocd/platform. */
  static List<Path> plainArgoCdManifests() throws IOException {
    Path argocd = Charts.repoRoot().resolve("argocd");
    try (Stream<Path> files = Files.walk(argocd)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !f.startsWith(argocd.resolve("apps")))
          .sorted()
          .toList();
    }
  }

  private static Path write(String name, String content) throws IOException {
    Files.createDirectories(OUT);
    return Files.writeString(OUT.resolve(name), content);
  }
}
