package io.emporium.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a change rebuilds and replans: changed-services, changed-roots and main-changes on a
 * throwaway repository holding the real charts, service poms and Terraform roots.
 */
class ChangesTests {

  private static final String ALL_SERVICES = "cart\ncatalog\nnotification\norder\npayment\n";

  @TempDir Path tmp;
  private ThrowawayRepo repo;
  private String base;

  @BeforeEach
  void repository() {
    repo =
        ThrowawayRepo.of(
            tmp,
            "helm/cart",
            "helm/catalog",
            "helm/notification",
            "helm/order",
            "helm/payment",
            "services/cart/pom.xml",
            "services/catalog/pom.xml",
            "services/notification/pom.xml",
            "services/order/pom.xml",
            "services/payment/pom.xml",
            "services/platform/pom.xml",
            "terraform/envs",
            "terraform/shared",
            "terraform/bootstrap",
            "terraform/modules");
    base = repo.head();
  }

  private String after(String path, String content) {
    repo.write(path, content);
    repo.commitAll("change " + path);
    return repo.head();
  }

  @Test
  void aServiceChangeRebuildsThatServiceOnly() {
    String head = after("services/order/src/main/java/Order.java", "class Order {}");

    assertThat(repo.script("changed-services", base, head).output()).isEqualTo("order\n");
  }

  @Test
  void aPlatformOrContractChangeRebuildsEveryService() {
    assertThat(
            repo.script("changed-services", base, after("services/platform/src/X.java", "x"))
                .output())
        .isEqualTo(ALL_SERVICES);
    String schema = repo.head();
    assertThat(
            repo.script("changed-services", schema, after("events-schema/topology.yaml", "x"))
                .output())
        .isEqualTo(ALL_SERVICES);
  }

  @Test
  void aChartOrDocsChangeRebuildsNothing() {
    repo.write("helm/cart/values.yaml", "replicas: 3\n");
    String head = after("docs/gitops.md", "x");

    assertThat(repo.script("changed-services", base, head).output()).isEmpty();
  }

  @Test
  void withoutAUsableBaseEverythingCounts() {
    String head = after("docs/x.md", "x");

    assertThat(repo.script("changed-services", "0".repeat(40), head).output())
        .isEqualTo(ALL_SERVICES);
    assertThat(repo.script("changed-services", "deadbeef".repeat(5), head).output())
        .isEqualTo(ALL_SERVICES);
    assertThat(repo.script("changed-roots", "0".repeat(40), head).output().lines())
        .containsExactlyInAnyOrder(
            "terraform/envs/dev", "terraform/envs/prod", "terraform/shared", "terraform/bootstrap");
  }

  @Test
  void aModuleChangeReplansTheRootsThatReachIt() {
    String dataModule = repo.read("terraform/modules/data/main.tf");
    String head = after("terraform/modules/data/main.tf", dataModule + "\n# changed\n");

    // data is reached through modules/platform by both environments, by neither account root.
    assertThat(repo.script("changed-roots", base, head).output().lines())
        .containsExactly("terraform/envs/dev", "terraform/envs/prod");
  }

  @Test
  void anEnvironmentsOwnFilesReplanItAlone() {
    String head =
        after(
            "terraform/envs/prod/variables.tf",
            repo.read("terraform/envs/prod/variables.tf") + "\n");

    assertThat(repo.script("changed-roots", base, head).output())
        .isEqualTo("terraform/envs/prod\n");
  }

  @Test
  void theRegistryModuleReplansTheSharedRootOnly() {
    String head =
        after("terraform/modules/ecr/main.tf", repo.read("terraform/modules/ecr/main.tf") + "\n");

    assertThat(repo.script("changed-roots", base, head).output()).isEqualTo("terraform/shared\n");
  }

  @Test
  void aNewChartReplansTheSharedRootButATagMoveDoesNot() {
    String moved = after("helm/cart/values-dev.yaml", "image:\n  tag: \"0123456\"\n");
    assertThat(repo.script("changed-roots", base, moved).output()).isEmpty();

    String added = after("helm/reviews/values-dev.yaml", "image:\n  tag: \"0123456\"\n");
    assertThat(repo.script("changed-roots", moved, added).output()).isEqualTo("terraform/shared\n");
  }

  @Test
  void thePullRequestsPlansLeaveOutTheBootstrapWhoseStateIsLocal() {
    String head =
        after(
            "terraform/bootstrap/variables.tf",
            repo.read("terraform/bootstrap/variables.tf") + "\n");

    assertThat(repo.script("changed-roots", base, head).output())
        .isEqualTo("terraform/bootstrap\n");
    Command forPlans = repo.script("changed-roots", "--remote-state", base, head);
    assertThat(forPlans.exitCode()).isZero();
    assertThat(forPlans.output().lines())
        .containsExactly(
            "changed-roots: terraform/bootstrap is affected but its state is local: not planned"
                + " (a plan would create everything)");
    assertThat(repo.script("changed-roots", "--remote-state", "0".repeat(40), head).output())
        .contains("terraform/envs/dev\n", "terraform/envs/prod\n", "terraform/shared\n")
        .doesNotContain("\nterraform/bootstrap\n");
  }

  @Test
  void aBootstrapMigratedToTheS3BackendIsPlannedAgain() {
    String versions = repo.read("terraform/bootstrap/versions.tf");
    String migrated =
        versions.replaceFirst(
            "(?m)^(terraform \\{)$",
            "$1\n  backend \"s3\" {\n    key = \"emporium/bootstrap/terraform.tfstate\"\n  }");
    assertThat(migrated).isNotEqualTo(versions);
    String head = after("terraform/bootstrap/versions.tf", migrated);

    assertThat(repo.script("changed-roots", "--remote-state", base, head).output())
        .isEqualTo("terraform/bootstrap\n");
  }

  @Test
  void theTopologyReplansBothEnvironments() {
    String head = after("events-schema/topology.yaml", "version: 1\n");

    assertThat(repo.script("changed-roots", base, head).output().lines())
        .containsExactly("terraform/envs/dev", "terraform/envs/prod");
  }

  @Test
  void mainChangesAreStepOutputs() {
    String service = after("services/cart/src/Cart.java", "x");
    assertThat(repo.script("main-changes", base, service).output())
        .isEqualTo("services=[\"cart\"]\nweb=false\nprod-release=false\n");

    repo.write("web/src/main.tsx", "x");
    String release = after("helm/order/values-prod.yaml", "image:\n  tag: \"0123456\"\n");
    assertThat(repo.script("main-changes", service, release).output())
        .isEqualTo("services=[]\nweb=true\nprod-release=true\n");
  }
}
