package io.emporium.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.local.AwsClients;
import io.emporium.local.MotoServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;

/**
 * pipeline/bin/protect-prod-images against moto's ECR: each image values-prod.yaml names gets the
 * tag prod-&lt;sha&gt; (which the lifecycle policy never expires) on the same manifest; a second
 * run changes nothing; a tag without an image fails the run. Needs the aws CLI and jq (.ci/run
 * installs them).
 */
class ProtectProdImagesIntegrationTests {

  private static final List<String> SERVICES = List.of("cart", "order");
  private static final String MANIFEST =
      """
      {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
      "config":{"mediaType":"application/vnd.oci.image.config.v1+json",\
      "digest":"sha256:%s","size":2},"layers":[{"mediaType":\
      "application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%1$s","size":1}]}""";

  /** What cosign 3 pushes for `cosign attest`: a manifest whose subject is the image. */
  private static final String REFERRER =
      """
      {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
      "artifactType":"application/vnd.dev.sigstore.bundle.v0.3+json",\
      "config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":\
      "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},\
      "layers":[{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json",\
      "digest":"sha256:%s","size":1}],\
      "subject":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":1}}""";

  private static MotoServer moto;
  private static EcrClient ecr;

  @TempDir Path tmp;
  private ThrowawayRepo repo;
  private String prefix;
  private Map<String, String> env;

  @BeforeAll
  static void emulator() {
    moto = MotoServer.start();
    AwsClients aws = AwsClients.emulator(moto.endpoint());
    ecr =
        EcrClient.builder()
            .endpointOverride(moto.endpoint())
            .region(aws.region())
            .credentialsProvider(aws.credentials())
            .build();
  }

  @AfterAll
  static void stop() {
    if (ecr != null) {
      ecr.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void repositoriesWithTheImagesProdRuns() {
    repo = ThrowawayRepo.of(tmp, "helm/cart", "helm/order");
    prefix = "emporium-" + tmp.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9]", "");
    for (String service : SERVICES) {
      String tag = repo.script("image-tags", "get", "prod", service).output().strip();
      ecr.createRepository(
          r ->
              r.repositoryName(prefix + "/" + service)
                  .imageTagMutability(ImageTagMutability.IMMUTABLE));
      String digest = (service + "0".repeat(64)).substring(0, 64).replaceAll("[^0-9a-f]", "a");
      ecr.putImage(
          r ->
              r.repositoryName(prefix + "/" + service)
                  .imageTag(tag)
                  .imageManifest(MANIFEST.formatted(digest)));
    }
    env = new HashMap<>();
    env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("ECR_REPOSITORY_PREFIX", prefix);
  }

  @Test
  void marksEveryImageProdRunsWithTheProdTagOnTheSameManifest() {
    Command run = repo.script(env, "protect-prod-images");

    assertThat(run.exitCode()).as(run.output()).isZero();
    for (String service : SERVICES) {
      String tag = repo.script("image-tags", "get", "prod", service).output().strip();
      assertThat(run.output()).contains(prefix + "/" + service + ":" + tag + " marked prod-" + tag);
      ImageDetail marked = image(service, "prod-" + tag);
      assertThat(marked.imageDigest()).isEqualTo(image(service, tag).imageDigest());
    }
  }

  @Test
  void keepsTheAttestationsOfTheImagesProdRunsAndNothingElse() {
    String cartTag = repo.script("image-tags", "get", "prod", "cart").output().strip();
    String cart = image("cart", cartTag).imageDigest();
    String referrer = push("cart", null, REFERRER.formatted("b".repeat(64), cart));
    String otherImage = push("cart", null, MANIFEST.formatted("c".repeat(64)));
    String othersReferrer = push("cart", null, REFERRER.formatted("d".repeat(64), otherImage));
    String orderTag = repo.script("image-tags", "get", "prod", "order").output().strip();
    String order = image("order", orderTag).imageDigest();
    // cosign 2's storage: a tag named after the image's digest.
    String legacy =
        push("order", "sha256-" + order.substring(7) + ".att", MANIFEST.formatted("e".repeat(64)));

    Command run = repo.script(env, "protect-prod-images");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(tags("cart", referrer))
        .containsExactly("prod-" + cartTag + ".att-" + referrer.substring(7, 19));
    assertThat(tags("cart", otherImage)).isEmpty();
    assertThat(tags("cart", othersReferrer)).isEmpty();
    assertThat(tags("order", legacy))
        .containsExactlyInAnyOrder(
            "sha256-" + order.substring(7) + ".att",
            "prod-" + orderTag + ".att-" + legacy.substring(7, 19));
    assertThat(run.output().lines().filter(l -> l.contains(" attestation "))).hasSize(2);

    Command again = repo.script(env, "protect-prod-images");
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).doesNotContain(" attestation ");
  }

  private String push(String service, String tag, String manifest) {
    return ecr.putImage(
            r ->
                r.repositoryName(prefix + "/" + service)
                    .imageTag(tag)
                    .imageManifestMediaType("application/vnd.oci.image.manifest.v1+json")
                    .imageManifest(manifest))
        .image()
        .imageId()
        .imageDigest();
  }

  private List<String> tags(String service, String digest) {
    return ecr.describeImages(
            r -> r.repositoryName(prefix + "/" + service).imageIds(i -> i.imageDigest(digest)))
        .imageDetails()
        .getFirst()
        .imageTags();
  }

  @Test
  void aSecondRunChangesNothing() {
    repo.script(env, "protect-prod-images");

    Command again = repo.script(env, "protect-prod-images");

    assertThat(again.exitCode()).isZero();
    assertThat(again.output().lines())
        .hasSize(SERVICES.size())
        .allMatch(l -> l.contains(" already marked prod-"));
  }

  @Test
  void aProdTagWithoutAnImageFailsTheRun() {
    repo.script("image-tags", "set", "prod", "fedcba9876543210fedcba9876543210fedcba98", "order");

    Command run = repo.script(env, "protect-prod-images");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output()).contains(prefix + "/order has no image tagged fedcba98");
  }

  private ImageDetail image(String service, String tag) {
    return ecr.describeImages(
            r -> r.repositoryName(prefix + "/" + service).imageIds(i -> i.imageTag(tag)))
        .imageDetails()
        .getFirst();
  }
}
