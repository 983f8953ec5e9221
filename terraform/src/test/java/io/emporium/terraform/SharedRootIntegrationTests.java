package io.emporium.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.local.AwsClients;
import io.emporium.local.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;

/**
 * The shared root itself (terraform/shared: the ECR repositories and the CI identity) applied to
 * moto and read back with the AWS SDK: a repository per chart folder with immutable tags, scan on
 * push and the lifecycle policy that spares prod's images; a role per job kind trusting only its
 * own `sub` claim; the push role writing to exactly those repositories. Then destroyed.
 *
 * <p>Applied in a copy under target/ (shared/, modules/ and the charts' values-dev.yaml at the same
 * relative places) with an override file pointing the provider at moto and the backend at a local
 * file, as {@link EnvironmentPlanIntegrationTests} does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRootIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REPOSITORY = "emporium-test/emporium";
  private static final Path HELM = Terraform.MODULE_DIR.resolve("../helm").normalize();

  private static MotoServer moto;
  private static Terraform terraform;
  private static EcrClient ecr;
  private static IamClient iam;
  private static List<String> charts;

  @BeforeAll
  static void apply() throws IOException {
    moto = MotoServer.start();
    AwsClients aws = AwsClients.emulator(moto.endpoint());
    ecr =
        EcrClient.builder()
            .endpointOverride(moto.endpoint())
            .region(aws.region())
            .credentialsProvider(aws.credentials())
            .build();
    iam =
        IamClient.builder()
            .endpointOverride(moto.endpoint())
            .region(Region.AWS_GLOBAL)
            .credentialsProvider(aws.credentials())
            .build();
    charts = charts();
    terraform = Terraform.in(copyWithMotoOverride(), "it-shared");
    terraform.ok("init", "-input=false", "-no-color");
    terraform.ok(
        "apply",
        "-auto-approve",
        "-input=false",
        "-no-color",
        "-parallelism=20",
        "-var",
        "github_repository=" + REPOSITORY);
  }

  @AfterAll
  static void close() {
    if (ecr != null) {
      ecr.close();
      iam.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void createsOneRepositoryPerChartFolderWithImmutableTagsAndScanOnPush() {
    List<Repository> repositories = ecr.describeRepositories().repositories();

    assertThat(repositories)
        .extracting(Repository::repositoryName)
        .containsExactlyInAnyOrderElementsOf(charts.stream().map(c -> "emporium/" + c).toList());
    assertThat(repositories)
        .allSatisfy(
            r -> {
              assertThat(r.imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE);
              assertThat(r.imageScanningConfiguration().scanOnPush()).isTrue();
            });
  }

  @Test
  void keepsEveryProdImageBeforeExpiringAllButTheNewest() {
    for (String chart : charts) {
      JsonNode rules =
          json(ecr.getLifecyclePolicy(r -> r.repositoryName("emporium/" + chart))
                  .lifecyclePolicyText())
              .path("rules");
      List<JsonNode> byPriority =
          StreamSupport.stream(rules.spliterator(), false)
              .sorted((a, b) -> a.path("rulePriority").asInt() - b.path("rulePriority").asInt())
              .toList();

      JsonNode first = byPriority.getFirst().path("selection");
      assertThat(first.path("tagPrefixList").toString()).as(chart).isEqualTo("[\"prod-\"]");
      assertThat(first.path("countNumber").asInt()).isEqualTo(9999);
      JsonNode last = byPriority.getLast().path("selection");
      assertThat(last.path("tagStatus").asText()).isEqualTo("any");
      assertThat(last.path("countNumber").asInt()).isEqualTo(50);
    }
  }

  @Test
  void trustsEachJobKindOnlyFromItsOwnSubClaim() {
    Map<String, String> expected =
        Map.of(
            "emporium-ci-image-push", "repo:" + REPOSITORY + ":ref:refs/heads/main",
            "emporium-ci-terraform-plan", "repo:" + REPOSITORY + ":pull_request",
            "emporium-ci-terraform-apply-dev", "repo:" + REPOSITORY + ":environment:terraform-dev",
            "emporium-ci-terraform-apply-prod",
                "repo:" + REPOSITORY + ":environment:terraform-prod",
            "emporium-ci-web-deploy-dev", "repo:" + REPOSITORY + ":environment:web-dev",
            "emporium-ci-web-deploy-prod", "repo:" + REPOSITORY + ":environment:web-prod");
    String provider = iam.listOpenIDConnectProviders().openIDConnectProviderList().getFirst().arn();

    Map<String, JsonNode> trust =
        iam.listRoles().roles().stream()
            .filter(r -> r.roleName().startsWith("emporium-ci-"))
            .collect(
                Collectors.toMap(
                    r -> r.roleName(),
                    r ->
                        json(URLDecoder.decode(
                                r.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                            .path("Statement")
                            .get(0)));

    assertThat(trust).containsOnlyKeys(expected.keySet());
    assertThat(provider).endsWith("oidc-provider/token.actions.githubusercontent.com");
    expected.forEach(
        (role, sub) -> {
          JsonNode statement = trust.get(role);
          JsonNode equals = statement.path("Condition").path("StringEquals");
          assertThat(statement.path("Principal").path("Federated").asText())
              .as(role)
              .isEqualTo(provider);
          assertThat(statement.path("Action").asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
          assertThat(equals.path("token.actions.githubusercontent.com:sub").asText())
              .as(role)
              .isEqualTo(sub);
          assertThat(equals.path("token.actions.githubusercontent.com:aud").asText())
              .isEqualTo("sts.amazonaws.com");
        });
  }

  @Test
  void pushRoleWritesToExactlyTheServiceRepositories() {
    JsonNode statements = inlinePolicy("emporium-ci-image-push").path("Statement");
    List<String> repositoryArns =
        ecr.describeRepositories().repositories().stream().map(Repository::repositoryArn).toList();

    JsonNode push = statement(statements, "PushToTheServiceRepositories");
    assertThat(strings(push.path("Action"))).contains("ecr:PutImage", "ecr:UploadLayerPart");
    assertThat(strings(push.path("Resource"))).containsExactlyInAnyOrderElementsOf(repositoryArns);
    assertThat(strings(statement(statements, "RegistryLogin").path("Action")))
        .containsExactly("ecr:GetAuthorizationToken");
    assertThat(statements).hasSize(2);
  }

  @Test
  void planRoleReadsOnlyAndApplyRolesCannotTouchTheCiRoles() {
    assertThat(
            iam.listAttachedRolePolicies(r -> r.roleName("emporium-ci-terraform-plan"))
                .attachedPolicies())
        .extracting(AttachedPolicy::policyName)
        .containsExactly("ReadOnlyAccess");
    JsonNode plan = inlinePolicy("emporium-ci-terraform-plan").path("Statement");
    assertThat(strings(statement(plan, "NoDataReads").path("Action")))
        .contains("sqs:ReceiveMessage", "logs:GetLogEvents");
    JsonNode tableReads = statement(plan, "NoTableReads");
    assertThat(strings(tableReads.path("Action"))).contains("dynamodb:Scan", "dynamodb:GetItem");
    assertThat(strings(tableReads.path("NotResource")))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .endsWith(":table/emporium-terraform-locks");
    JsonNode decrypt = statement(plan, "NoDecryptButSecrets");
    assertThat(strings(decrypt.path("Action"))).containsExactly("kms:Decrypt");
    assertThat(decrypt.path("Condition").path("StringNotLike").path("kms:ViaService").asText())
        .isEqualTo("secretsmanager.*.amazonaws.com");
    assertThat(StreamSupport.stream(plan.spliterator(), false))
        .filteredOn(s -> s.path("Effect").asText().equals("Allow"))
        .allSatisfy(
            s ->
                assertThat(strings(s.path("Action")))
                    .containsAnyOf(
                        "secretsmanager:GetSecretValue", "secretsmanager:GetRandomPassword")
                    .isSubsetOf(
                        "secretsmanager:GetSecretValue", "secretsmanager:GetRandomPassword"));

    for (String env : List.of("dev", "prod")) {
      JsonNode apply = inlinePolicy("emporium-ci-terraform-apply-" + env).path("Statement");
      JsonNode deny = statement(apply, "NeverTheCiIdentityOrLongLivedKeys");
      assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
      assertThat(strings(deny.path("Resource")))
          .contains("arn:aws:iam::123456789012:role/emporium-ci-*");
      assertThat(strings(statement(apply, "StateOfThisEnvironment").path("Resource")))
          .containsExactly(
              "arn:aws:s3:::emporium-terraform-state-123456789012/emporium/" + env + "/*");
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void destroyLeavesNothingBehind() {
    terraform.ok(
        "destroy",
        "-auto-approve",
        "-input=false",
        "-no-color",
        "-var",
        "github_repository=" + REPOSITORY);

    assertThat(ecr.describeRepositories().repositories()).isEmpty();
    assertThat(iam.listRoles().roles()).noneMatch(r -> r.roleName().startsWith("emporium-ci-"));
  }

  /** The chart folders the shared root derives the services from: helm/<chart>/values-dev.yaml. */
  private static List<String> charts() throws IOException {
    try (Stream<Path> dirs = Files.list(HELM)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("values-dev.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private static JsonNode inlinePolicy(String role) {
    return json(
        URLDecoder.decode(
            iam.getRolePolicy(r -> r.roleName(role).policyName(role)).policyDocument(),
            StandardCharsets.UTF_8));
  }

  private static JsonNode statement(JsonNode statements, String sid) {
    return StreamSupport.stream(statements.spliterator(), false)
        .filter(s -> s.path("Sid").asText().equals(sid))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + statements));
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> values.add(v.asText()));
    } else {
      values.add(node.asText());
    }
    return values;
  }

  /** target/tf-copies/it-shared/{terraform/{shared,modules},helm/<chart>/values-dev.yaml}. */
  private static Path copyWithMotoOverride() throws IOException {
    Path repo = Terraform.TARGET.resolve("tf-copies").resolve("it-shared");
    Path root = repo.resolve("terraform/shared");
    try (Stream<Path> files = Files.walk(Roots.MODULES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
        copy(
            file,
            repo.resolve("terraform/modules").resolve(Roots.MODULES.relativize(file).toString()));
      }
    }
    try (Stream<Path> files = Files.list(Terraform.MODULE_DIR.resolve("shared"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
        copy(file, root.resolve(file.getFileName().toString()));
      }
    }
    for (String chart : charts) {
      copy(
          HELM.resolve(chart).resolve("values-dev.yaml"),
          repo.resolve("helm").resolve(chart).resolve("values-dev.yaml"));
    }
    Files.deleteIfExists(root.resolve("terraform.tfstate"));
    Files.writeString(
        root.resolve("moto_override.tf"),
        """
        terraform {
          backend "local" {}
        }

        provider "aws" {
          region                      = "us-east-1"
          access_key                  = "test"
          secret_key                  = "test"
          skip_credentials_validation = true
          skip_metadata_api_check     = true
          endpoints {
            ecr = "%1$s"
            iam = "%1$s"
            sts = "%1$s"
          }
        }
        """
            .formatted(moto.endpoint()));
    // Formatted: terraform fmt -check -recursive (TerraformFormatTests) also sees target/.
    Terraform.in(root, "it-shared").ok("fmt", "-no-color", "moto_override.tf");
    return root;
  }

  private static void copy(Path file, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
