package io.emporium.launcher.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.topology.Topology;
import io.emporium.launcher.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed LocalStack hook and database init SQL are what topology.yaml generates; with {@code
 * -Demporium.localstack.regenerate=true} they are rewritten first.
 */
class ComposeFilesTests {

  static final Path ROOT =
      Path.of(System.getProperty("emporium.repo.root", "../..")).toAbsolutePath().normalize();
  private static final String OUT_OF_DATE =
      "%s is out of date with topology.yaml: regenerate with `" + ComposeFiles.REGENERATE + "`";

  @BeforeAll
  static void regenerateWhenAsked() {
    if (Boolean.getBoolean("emporium.localstack.regenerate")) {
      ComposeFiles.write(ROOT, Topology.load());
    }
  }

  @Test
  void committedFilesAreWhatTopologyGenerates() throws IOException {
    for (var file : ComposeFiles.generate(Topology.load()).entrySet()) {
      Path committed = ROOT.resolve(file.getKey());
      assertThat(committed).as(OUT_OF_DATE, file.getKey()).isRegularFile();
      assertThat(Files.readString(committed))
          .as(OUT_OF_DATE, file.getKey())
          .isEqualTo(file.getValue());
    }
    assertThat(Files.isExecutable(ROOT.resolve(ComposeFiles.PROVISION_SCRIPT))).isTrue();
  }

  @Test
  void provisionScriptCreatesEveryTopicQueueAndDlqOfTheLocalEnvironment() {
    Topology topology = Topology.load();
    String script = ComposeFiles.provisionScript(topology);

    topology
        .producers()
        .keySet()
        .forEach(p -> assertThat(script).contains("--name " + topology.topicName("local", p)));
    topology
        .subscriptions("local")
        .forEach(
            s ->
                assertThat(script)
                    .contains(
                        "edge \"$%s_topic\" %s %s '%s'"
                            .formatted(s.producer(), s.queue(), s.dlq(), s.filterPolicy())));
    assertThat(script)
        .contains("\"maxReceiveCount\\\\\":" + topology.queueDefaults().maxReceiveCount());
  }

  @Test
  void databasesSqlCreatesEveryServiceDatabase() {
    String sql = ComposeFiles.databasesSql();

    StackSettings.DATABASES.forEach(
        db -> assertThat(sql).contains("CREATE DATABASE \"" + db + "\";"));
  }

  @Test
  void composeFilePinsItsImagesAndMountsTheGeneratedFiles() throws IOException {
    String compose = Files.readString(ROOT.resolve("localstack/docker-compose.yml"));

    Matcher images = Pattern.compile("image: (\\S+)").matcher(compose);
    int count = 0;
    while (images.find()) {
      count++;
      assertThat(images.group(1)).as("pinned image").matches("[a-z/]+:\\d+\\.\\d+(\\.\\d+)?");
    }
    assertThat(count).isEqualTo(2);
    assertThat(compose)
        .contains("localstack/localstack:4.")
        .contains("postgres:17.")
        .contains("127.0.0.1:4566:4566")
        .contains("127.0.0.1:15432:5432")
        .contains("./init/ready.d:/etc/localstack/init/ready.d")
        .contains("./postgres:/docker-entrypoint-initdb.d");
  }
}
