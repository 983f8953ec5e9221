package io.emporium.launcher.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/runbooks/dlq/ holds exactly one runbook per DLQ of topology.yaml, as generated; with {@code
 * -Demporium.runbooks.regenerate=true} the files are rewritten first.
 */
class DlqRunbooksTests {

  private static final Path FOLDER =
      Path.of(System.getProperty("emporium.repo.root", "../..")).resolve(DlqRunbooks.FOLDER);
  private static final Map<String, String> GENERATED = DlqRunbooks.load().files();

  @BeforeAll
  static void regenerateWhenAsked() throws IOException {
    if (Boolean.getBoolean("emporium.runbooks.regenerate")) {
      Files.createDirectories(FOLDER);
      try (Stream<Path> old = Files.list(FOLDER)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
      for (var file : GENERATED.entrySet()) {
        Files.writeString(FOLDER.resolve(file.getKey()), file.getValue());
      }
    }
  }

  @Test
  void everyConsumerAndEventOfTheTopologyIsDescribed() {
    assertThat(DlqRunbooks.load().undescribed())
        .as("add them to services/launcher/src/main/resources/runbooks/consumer-effects.yaml")
        .isEmpty();
  }

  @Test
  void oneRunbookPerDlqOfTheTopologyAndNothingElse() throws IOException {
    int dlqs = Topology.load().subscriptions("x").size();
    try (Stream<Path> files = Files.list(FOLDER)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(GENERATED.keySet());
    }
    assertThat(GENERATED).hasSize(dlqs + 1);
  }

  @Test
  void committedRunbooksAreWhatTheTopologyGenerates() throws IOException {
    for (var file : GENERATED.entrySet()) {
      assertThat(Files.readString(FOLDER.resolve(file.getKey())))
          .as("%s is out of date: regenerate with `%s`", file.getKey(), DlqRunbooks.REGENERATE)
          .isEqualTo(file.getValue());
    }
  }
}
