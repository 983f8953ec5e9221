package io.emporium.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed rules, dashboards and CloudWatch alarms are what slo.yaml generates. With {@code
 * -Demporium.observability.regenerate=true} this rewrites them instead.
 */
class GeneratedFilesTests {

  @Test
  void committedFilesAreWhatSloYamlGenerates() throws IOException {
    if (Boolean.getBoolean("emporium.observability.regenerate")) {
      Generate.write(Repo.ROOT);
    }
    var outputs = Generate.outputs(Repo.ROOT);

    assertThat(outputs).isNotEmpty();
    for (var output : outputs.entrySet()) {
      Path file = Repo.ROOT.resolve(output.getKey());
      assertThat(file)
          .as(
              output.getKey()
                  + " is stale: regenerate with ./mvnw -B -ntp -pl observability test"
                  + " -Demporium.observability.regenerate=true")
          .exists();
      assertThat(Files.readString(file)).as(output.getKey()).isEqualTo(output.getValue());
    }
  }

  @Test
  void everyDashboardFileIsGenerated() throws IOException {
    var outputs = Generate.outputs(Repo.ROOT);
    try (var files = Files.list(Repo.ROOT.resolve(Generate.DASHBOARDS))) {
      assertThat(files.map(f -> Generate.DASHBOARDS + "/" + f.getFileName()))
          .allSatisfy(f -> assertThat(outputs).containsKey(f));
    }
  }
}
