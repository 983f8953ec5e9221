package io.emporium.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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
    files.addAll(plainArgoCdManifests());

    ManifestValidator.Result result = ManifestValidator.validate(files);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("0 problems").doesNotContain("validated 0 documents");
  }

  @Test
  void rejectsAMisspeltFieldOfAKubernetesKind() throws IOException {
    String deployment =
        Charts.render("order", "dev").replace("      containers:", "      contaners:");
    Path file = write("misspelt-deployment.yaml", deployment);

    ManifestValidator.Result result = ManifestValidator.validate(List.of(file));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output())
        .contains("Deployment/order: spec.template.spec.contaners: unknown field");
  }

  @Test
  void rejectsAMisspeltFieldOfACustomResource() throws IOException {
    String manifests = Charts.render("order", "dev").replace("  triggers:", "  trigers:");
    Path file = write("misspelt-scaledobject.yaml", manifests);

    ManifestValidator.Result result = ManifestValidator.validate(List.of(file));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("ScaledObject/order: spec.trigers: unknown field");
  }

  @Test
  void rejectsAValueOfTheWrongType() throws IOException {
    String manifests =
        Charts.render("cart", "prod").replace("containerPort: 8082", "containerPort: http8082");
    Path file = write("wrong-type.yaml", manifests);

    ManifestValidator.Result result = ManifestValidator.validate(List.of(file));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("Deployment/cart").contains("containerPort");
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
