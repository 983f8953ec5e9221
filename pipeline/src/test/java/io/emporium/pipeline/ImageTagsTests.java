package io.emporium.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipeline/bin/image-tags against a throwaway git repository holding the real charts' values files:
 * the dev release and the prod promotion change exactly the right files and lines.
 */
class ImageTagsTests {

  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String OTHER = "89abcdef0123456789abcdef0123456789abcdef";

  @TempDir Path tmp;
  private ThrowawayRepo repo;
  private String cartDevBefore;

  @BeforeEach
  void repository() {
    repo =
        ThrowawayRepo.of(
            tmp, "helm/cart", "helm/catalog", "helm/notification", "helm/order", "helm/payment");
    cartDevBefore = repo.script("image-tags", "get", "dev", "cart").output().strip();
  }

  @Test
  void devReleaseChangesOnlyTheTagLineOfEachNamedServicesDevValues() {
    String orderDevBefore = repo.script("image-tags", "get", "dev", "order").output().strip();
    Command set = repo.script("image-tags", "set", "dev", SHA, "cart", "order");

    assertThat(set.exitCode()).isZero();
    assertThat(set.output().lines())
        .containsExactly("helm/cart/values-dev.yaml", "helm/order/values-dev.yaml");
    assertThat(repo.changedFiles())
        .containsExactly("helm/cart/values-dev.yaml", "helm/order/values-dev.yaml");
    assertThat(repo.changedLines())
        .containsExactly(
            "-  tag: \"" + cartDevBefore + "\"",
            "+  tag: \"" + SHA + "\"",
            "-  tag: \"" + orderDevBefore + "\"",
            "+  tag: \"" + SHA + "\"");
    assertThat(repo.script("image-tags", "get", "dev", "order").output().strip()).isEqualTo(SHA);
  }

  @Test
  void keepsQuotingIndentationAndCommentsOfTheTagLine() {
    repo.write(
        "helm/cart/values-dev.yaml",
        """
        # a comment on top
        replicas: 2
        image:
          # the release
          tag: '4f2a9c1'   # moved by CI
          pullPolicy: IfNotPresent
        other:
          tag: "not-the-image"
        """);
    repo.commitAll("hand-written values");

    repo.script("image-tags", "set", "dev", SHA, "cart");

    assertThat(repo.changedLines())
        .containsExactly(
            "-  tag: '4f2a9c1'   # moved by CI", "+  tag: '" + SHA + "'   # moved by CI");
  }

  @Test
  void settingTheTagAServiceAlreadyRunsChangesNothing() {
    repo.script("image-tags", "set", "dev", SHA, "cart");
    repo.commitAll("released");

    Command again = repo.script("image-tags", "set", "dev", SHA, "cart");

    assertThat(again.exitCode()).isZero();
    assertThat(again.output()).isEmpty();
    assertThat(repo.changedFiles()).isEmpty();
  }

  @Test
  void refusesAnUnknownServiceOrAMalformedShaBeforeChangingAnything() {
    Command unknown = repo.script("image-tags", "set", "dev", SHA, "cart", "no-such-service");
    Command malformed = repo.script("image-tags", "set", "dev", "main; rm -rf /", "cart");
    Command uppercase = repo.script("image-tags", "set", "dev", SHA.toUpperCase(), "cart");

    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.output()).contains("helm/no-such-service/values-dev.yaml");
    assertThat(malformed.exitCode()).isNotZero();
    assertThat(uppercase.exitCode()).isNotZero();
    assertThat(repo.changedFiles()).isEmpty();
  }

  @Test
  void promotionCopiesTheShaToProdForEveryServiceDevRunsAtIt() {
    repo.script("image-tags", "set", "dev", SHA, "cart", "payment");
    repo.script("image-tags", "set", "dev", OTHER, "order");
    repo.commitAll("dev releases");
    String cartProdBefore = repo.script("image-tags", "get", "prod", "cart").output().strip();
    String paymentProdBefore = repo.script("image-tags", "get", "prod", "payment").output().strip();

    Command promote = repo.script("image-tags", "promote", SHA);

    assertThat(promote.exitCode()).isZero();
    assertThat(repo.changedFiles())
        .containsExactly("helm/cart/values-prod.yaml", "helm/payment/values-prod.yaml");
    assertThat(repo.changedLines())
        .containsExactly(
            "-  tag: \"" + cartProdBefore + "\"",
            "+  tag: \"" + SHA + "\"",
            "-  tag: \"" + paymentProdBefore + "\"",
            "+  tag: \"" + SHA + "\"");
  }

  @Test
  void promotionOfNamedServicesTouchesOnlyThem() {
    repo.script("image-tags", "set", "dev", SHA, "cart", "payment");
    repo.commitAll("dev release");

    repo.script("image-tags", "promote", SHA, "payment");

    assertThat(repo.changedFiles()).containsExactly("helm/payment/values-prod.yaml");
  }

  @Test
  void promotionRefusesAShaDevDoesNotRunAndChangesNothing() {
    repo.script("image-tags", "set", "dev", SHA, "cart");
    repo.commitAll("dev release");

    Command notInDev = repo.script("image-tags", "promote", SHA, "cart", "order");
    Command nowhere = repo.script("image-tags", "promote", OTHER);

    assertThat(notInDev.exitCode()).isNotZero();
    assertThat(notInDev.output()).contains("dev runs order at", "only what dev runs is promoted");
    assertThat(nowhere.exitCode()).isNotZero();
    assertThat(nowhere.output()).contains("no service runs " + OTHER + " in dev");
    assertThat(repo.changedFiles()).isEmpty();
    assertThat(List.of(repo.read("helm/cart/values-prod.yaml"))).noneMatch(v -> v.contains(SHA));
  }
}
