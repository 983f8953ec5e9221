package io.emporium.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipeline/bin/terraform-plan: the pull request's plan comment, on small roots that need no
 * provider (terraform_data is built in), so it runs offline: a marker naming the root, each step's
 * result, the plan's summary line and output; a failing root fails the script and says where.
 */
class TerraformPlanScriptTests {

  @TempDir Path tmp;

  private Command plan(String tf) throws IOException {
    Path root = tmp.resolve("terraform/envs/sample");
    Files.createDirectories(root);
    Files.writeString(root.resolve("main.tf"), tf);
    return Command.run(
        tmp,
        Map.of("TF_DATA_DIR", tmp.resolve("tf-data").toString(), "CHECKPOINT_DISABLE", "1"),
        java.util.List.of(
            Command.script("terraform-plan").toString(),
            "terraform/envs/sample",
            tmp.resolve("plan.md").toString()));
  }

  @Test
  void writesACommentWithTheMarkerTheStepsAndThePlan() throws IOException {
    Command run = plan("resource \"terraform_data\" \"release\" {\n  input = \"v1\"\n}\n");
    String comment = Files.readString(tmp.resolve("plan.md"));

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(comment.lines().findFirst())
        .contains("<!-- terraform-plan: terraform/envs/sample -->");
    assertThat(comment)
        .contains("| `terraform fmt -check` | passed |")
        .contains("| `terraform validate` | passed |")
        .contains("| `terraform plan` | passed |")
        .contains("Plan: 1 to add, 0 to change, 0 to destroy.")
        .contains("terraform_data.release will be created");
  }

  @Test
  void anUnformattedRootFailsAndSaysWhichStep() throws IOException {
    Command run = plan("resource \"terraform_data\" \"release\" {\ninput = \"v1\"\n}\n");
    String comment = Files.readString(tmp.resolve("plan.md"));

    assertThat(run.exitCode()).isNotZero();
    assertThat(comment)
        .contains("| `terraform fmt -check` | **failed** |")
        .doesNotContain("`terraform plan`");
  }

  @Test
  void anInvalidRootFailsWithTheErrorInTheComment() throws IOException {
    Command run = plan("resource \"terraform_data\" \"release\" {\n  input = var.missing\n}\n");
    String comment = Files.readString(tmp.resolve("plan.md"));

    assertThat(run.exitCode()).isNotZero();
    assertThat(comment).contains("| `terraform validate` | **failed** |").contains("var.missing");
  }
}
