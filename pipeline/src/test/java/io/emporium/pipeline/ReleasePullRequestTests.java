package io.emporium.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipeline/bin/release-pr: the GitOps pull request. A throwaway repository with a bare "origin"
 * stands in for GitHub's copy, and a recording gh for the GitHub CLI.
 */
class ReleasePullRequestTests {

  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path tmp;
  private ThrowawayRepo repo;
  private Path origin;
  private FakeGh gh;
  private Map<String, String> env;

  @BeforeEach
  void repositories() {
    repo = ThrowawayRepo.of(tmp, "helm/cart", "helm/order");
    origin = tmp.resolve("origin.git");
    Command.ok(tmp, "git", "init", "--quiet", "--bare", origin.toString());
    repo.git("remote", "add", "origin", origin.toString());
    repo.git("push", "--quiet", "origin", "main");
    gh = FakeGh.in(tmp, "https://github.com/example-org/emporium/pull/42");
    env = new HashMap<>(gh.env());
    env.putAll(ThrowawayRepo.GIT_IDENTITY);
  }

  @Test
  void pushesOneCommitWithExactlyTheTagChangesAndOpensAnAutoMergingPullRequest() {
    String cart = repo.script("image-tags", "get", "dev", "cart").output().strip();
    String order = repo.script("image-tags", "get", "dev", "order").output().strip();
    repo.script("image-tags", "set", "dev", SHA, "cart", "order");

    Command pr =
        repo.script(
            env,
            "release-pr",
            "--branch",
            "release/dev-0123456789ab",
            "--title",
            "release(dev): cart order at 0123456",
            "--body",
            "built by run 1",
            "--auto-merge");

    assertThat(pr.exitCode()).isZero();
    assertThat(pr.output()).contains("opened https://github.com/example-org/emporium/pull/42");
    String pushed = "refs/heads/release/dev-0123456789ab";
    assertThat(Command.ok(origin, "git", "rev-list", "--count", "main.." + pushed).strip())
        .isEqualTo("1");
    assertThat(Command.ok(origin, "git", "diff", "--name-only", "main", pushed).lines())
        .containsExactly("helm/cart/values-dev.yaml", "helm/order/values-dev.yaml");
    assertThat(Command.ok(origin, "git", "diff", "-U0", "main", pushed).lines())
        .filteredOn(l -> l.startsWith("+  ") || l.startsWith("-  "))
        .containsExactly(
            "-  tag: \"" + cart + "\"",
            "+  tag: \"" + SHA + "\"",
            "-  tag: \"" + order + "\"",
            "+  tag: \"" + SHA + "\"");
    assertThat(Command.ok(origin, "git", "log", "-1", "--format=%s", pushed).strip())
        .isEqualTo("release(dev): cart order at 0123456");
    assertThat(gh.calls())
        .containsExactly(
            "pr | create | --base | main | --head | release/dev-0123456789ab | --title | release(dev): cart order at 0123456 | --body | built by run 1",
            "pr | merge | release/dev-0123456789ab | --auto | --squash");
  }

  @Test
  void withoutAutoMergeLeavesTheMergeToAPerson() {
    repo.script("image-tags", "set", "prod", SHA, "cart");

    repo.script(
        env,
        "release-pr",
        "--branch",
        "release/prod-0123456789ab",
        "--title",
        "release(prod): 0123456");

    assertThat(gh.calls()).singleElement().asString().startsWith("pr | create");
  }

  @Test
  void nothingChangedOpensNothing() {
    Command pr =
        repo.script(env, "release-pr", "--branch", "release/dev-x", "--title", "release(dev)");

    assertThat(pr.exitCode()).isZero();
    assertThat(pr.output()).contains("nothing changed under helm/");
    assertThat(gh.calls()).isEmpty();
    assertThat(Command.ok(origin, "git", "for-each-ref", "--format=%(refname)").strip())
        .isEqualTo("refs/heads/main");
  }

  @Test
  void refusesChangesOutsideTheCharts() {
    repo.write("README.md", "x");
    repo.commitAll("a readme");
    repo.script("image-tags", "set", "dev", SHA, "cart");
    repo.write("README.md", "changed by hand");

    Command pr =
        repo.script(env, "release-pr", "--branch", "release/dev-y", "--title", "release(dev)");

    assertThat(pr.exitCode()).isNotZero();
    assertThat(pr.output()).contains("changes outside helm/");
    assertThat(gh.calls()).isEmpty();
  }
}
