package io.emporium.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipeline/bin/pr-comment (one comment per subject, replaced on each push) and terraform-apply's
 * refusal to run without the state backend, with a recording gh in place of GitHub's API.
 */
class PullRequestCommentTests {

  @TempDir Path tmp;
  private Path comment;

  @BeforeEach
  void aPlanComment() throws IOException {
    comment = tmp.resolve("plan.md");
    Files.writeString(comment, "<!-- terraform-plan: terraform/envs/dev -->\n### Terraform\n");
  }

  private Command post(FakeGh gh, String pr, Path file) {
    return Command.run(
        tmp, gh.env(), List.of(Command.script("pr-comment").toString(), pr, file.toString()));
  }

  @Test
  void createsTheCommentWhenThePullRequestHasNoneForThatSubject() {
    FakeGh gh = FakeGh.in(tmp.resolve("gh"), "");

    Command run = post(gh, "42", comment);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(gh.calls()).hasSize(2);
    assertThat(gh.calls().get(0))
        .startsWith("api | --paginate | repos/example-org/emporium/issues/42/comments | --jq")
        .contains("startswith(\"<!-- terraform-plan: terraform/envs/dev -->\")");
    assertThat(gh.calls().get(1))
        .isEqualTo(
            "api | --method | POST | repos/example-org/emporium/issues/42/comments | -F | body=@"
                + comment);
  }

  @Test
  void replacesTheEarlierCommentOfTheSameSubject() {
    FakeGh gh = FakeGh.in(tmp.resolve("gh"), "987654");

    post(gh, "42", comment);

    assertThat(gh.calls().get(1))
        .isEqualTo(
            "api | --method | PATCH | repos/example-org/emporium/issues/comments/987654 | -F | body=@"
                + comment);
  }

  @Test
  void refusesACommentWithoutAMarkerOrAMalformedNumber() throws IOException {
    FakeGh gh = FakeGh.in(tmp.resolve("gh"), "");
    Path unmarked = tmp.resolve("unmarked.md");
    Files.writeString(unmarked, "### no marker\n");

    assertThat(post(gh, "42", unmarked).exitCode()).isNotZero();
    assertThat(post(gh, "42; rm -rf /", comment).exitCode()).isNotZero();
    assertThat(gh.calls()).isEmpty();
  }

  @Test
  void terraformApplyRefusesToRunWithoutTheStateBackend() throws IOException {
    Path root = tmp.resolve("root");
    Files.createDirectories(root);
    Files.writeString(root.resolve("main.tf"), "resource \"terraform_data\" \"x\" {}\n");

    Command run =
        Command.run(
            tmp,
            Map.of("TF_STATE_BUCKET", "", "TF_LOCK_TABLE", ""),
            List.of(Command.script("terraform-apply").toString(), root.toString()));

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output()).contains("set TF_STATE_BUCKET and TF_LOCK_TABLE");
    assertThat(root.resolve(".terraform")).doesNotExist();
  }
}
