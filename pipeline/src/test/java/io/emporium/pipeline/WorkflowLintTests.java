package io.emporium.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workflows, offline: action-validator (the workflow schema, job needs) on each file, plus the
 * house rules a schema cannot see: actions pinned by commit sha, read-only tokens by default, no
 * expression expanded inside a shell script, and every pipeline script a workflow runs present.
 */
class WorkflowLintTests {

  private static final Path WORKFLOWS = Command.REPO.resolve(".github/workflows");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern PINNED =
      Pattern.compile("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}$");
  private static final Pattern SCRIPT = Pattern.compile("pipeline/bin/([a-z-]+)");

  static Stream<Path> workflows() throws IOException {
    try (Stream<Path> files = Files.list(WORKFLOWS)) {
      return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workflows")
  void passesTheOfflineLinter(Path workflow) {
    Command lint = ActionValidator.validate(workflow);

    assertThat(lint.exitCode()).as(lint.output()).isZero();
  }

  @Test
  void theLinterRejectsABrokenWorkflow(@TempDir Path tmp) throws IOException {
    Path broken = tmp.resolve("broken.yml");
    Files.writeString(
        broken,
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            needs: [no-such-job]
            stepz:
              - run: echo
        """);

    Command lint = ActionValidator.validate(broken);

    assertThat(lint.exitCode()).isNotZero();
    assertThat(lint.output()).contains("stepz");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workflows")
  void pinsEveryActionByCommitShaAndNamesItsTag(Path workflow) throws IOException {
    List<String> lines = Files.readAllLines(workflow);
    for (String line : lines) {
      Matcher uses = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$").matcher(line);
      if (!uses.matches() || uses.group(1).startsWith("./")) {
        continue;
      }
      assertThat(uses.group(1)).as("%s: %s", workflow.getFileName(), line).matches(PINNED);
      assertThat(uses.group(2)).as("the tag of %s", uses.group(1)).matches("\\s+# v\\d+(\\.\\d+)*");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workflows")
  void grantsTheTokenReadOnlyByDefault(Path workflow) throws IOException {
    JsonNode permissions = YAML.readTree(workflow.toFile()).path("permissions");

    assertThat(permissions.toString()).as(workflow.toString()).isEqualTo("{\"contents\":\"read\"}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workflows")
  void letsOnlyTheDependencySubmissionWriteTheRepositorysContents(Path workflow)
      throws IOException {
    // contents: write could push to any branch: only the job submitting Maven's dependency tree
    // (the dependency-graph snapshots API needs it) gets it, and it runs no script of its own.
    JsonNode jobs = YAML.readTree(workflow.toFile()).path("jobs");
    for (Map.Entry<String, JsonNode> job : jobs.properties()) {
      JsonNode permissions = job.getValue().path("permissions");
      assertThat(permissions.isTextual()).as("%s: write-all/read-all", job.getKey()).isFalse();
      if (!"write".equals(permissions.path("contents").asText())) {
        continue;
      }
      List<String> uses = new ArrayList<>();
      job.getValue()
          .path("steps")
          .forEach(
              step -> {
                assertThat(step.has("run")).as("%s runs a script", job.getKey()).isFalse();
                uses.add(step.path("uses").asText());
              });
      assertThat(uses)
          .as("%s: %s", workflow.getFileName(), job.getKey())
          .anyMatch(u -> u.startsWith("advanced-security/maven-dependency-submission-action@"));
    }
  }

  @Test
  void submitsMavensResolvedTreeOnMainAndOnPullRequestsUnderOneCorrelator() throws IOException {
    for (String name : List.of("main.yml", "pull-request.yml")) {
      JsonNode job = YAML.readTree(WORKFLOWS.resolve(name).toFile()).path("jobs");
      JsonNode submission = job.path("dependency-submission");

      assertThat(submission.path("permissions").path("contents").asText()).isEqualTo("write");
      assertThat(submission.path("steps").findValues("correlator"))
          .extracting(JsonNode::asText)
          .containsExactly("maven-dependency-tree");
    }
    JsonNode review =
        YAML.readTree(WORKFLOWS.resolve("pull-request.yml").toFile())
            .path("jobs")
            .path("dependency-review");
    assertThat(review.path("needs").asText()).isEqualTo("dependency-submission");
    assertThat(review.path("steps").findValue("retry-on-snapshot-warnings").asBoolean()).isTrue();
  }

  @Test
  void installsAPinnedCosignRelease() throws IOException {
    JsonNode images =
        YAML.readTree(WORKFLOWS.resolve("main.yml").toFile()).path("jobs").path("images");
    List<JsonNode> installers = new ArrayList<>();
    images
        .path("steps")
        .forEach(
            s -> {
              if (s.path("uses").asText().startsWith("sigstore/cosign-installer@")) {
                installers.add(s);
              }
            });

    assertThat(installers)
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.path("with").path("cosign-release").asText())
                    .matches("v\\d+\\.\\d+\\.\\d+"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workflows")
  void expandsNoExpressionInsideAShellScript(Path workflow) throws IOException {
    // ${{ }} in run: is pasted into the script before it runs (script injection); values go through
    // env.
    for (String script : runScripts(YAML.readTree(workflow.toFile()))) {
      assertThat(script).as("%s: %s", workflow.getFileName(), script).doesNotContain("${{");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workflows")
  void runsOnlyPipelineScriptsThatExist(Path workflow) throws IOException {
    for (String script : runScripts(YAML.readTree(workflow.toFile()))) {
      Matcher m = SCRIPT.matcher(script);
      while (m.find()) {
        assertThat(Command.script(m.group(1))).as(script).isRegularFile().isExecutable();
      }
    }
  }

  @Test
  void coversTheDeliveryPath() throws IOException {
    assertThat(workflows().map(p -> p.getFileName().toString()))
        .contains(
            "pull-request.yml",
            "main.yml",
            "promote-prod.yml",
            "smoke-dev.yml",
            "terraform-apply.yml");
  }

  private static List<String> runScripts(JsonNode workflow) {
    List<String> scripts = new ArrayList<>();
    workflow
        .path("jobs")
        .forEach(
            job ->
                job.path("steps")
                    .forEach(
                        step -> {
                          if (step.has("run")) {
                            scripts.add(step.path("run").asText());
                          }
                        }));
    return scripts;
  }
}
