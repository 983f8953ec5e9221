package io.emporium.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.local.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A new environment plans in one go: every environment root planned against empty state and moto,
 * so the ids of resources not created yet are unknown, as in a first plan against AWS. No for_each
 * may depend on them ("Invalid for_each argument").
 *
 * <p>The root is planned in a copy under target/ (modules/, the root and topology.yaml at the same
 * relative places) with an override file pointing the providers at moto and the backend at a local
 * file. The plan must succeed without any error: the edge module names CloudFront's managed
 * policies by ID, so nothing is looked up that moto lacks.
 */
class EnvironmentPlanIntegrationTests {

  private static final List<String> ENDPOINTS =
      List.of(
          "acm",
          "cloudfront",
          "cloudwatch",
          "cloudwatchlogs",
          "cognitoidp",
          "dynamodb",
          "ec2",
          "eks",
          "elbv2",
          "firehose",
          "iam",
          "kinesis",
          "kms",
          "rds",
          "route53",
          "s3",
          "secretsmanager",
          "sns",
          "sqs",
          "sts",
          "wafv2");

  private static MotoServer moto;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  static Stream<Path> envs() {
    return Roots.envs();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envs")
  void plansAgainstEmptyStateWithForEachKeysKnownAtPlanTime(Path env) throws IOException {
    String name = "plan-env-" + env.getFileName();
    Terraform terraform = Terraform.in(copyWithMotoOverride(env, name), name);

    terraform.ok("init", "-input=false", "-no-color");
    Terraform.Result result = terraform.run("plan", "-input=false", "-no-color", "-lock=false");
    String plan = result.output();

    assertThat(plan).doesNotContain("Invalid for_each argument");
    assertThat(plan.lines().filter(line -> line.startsWith("Error:"))).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(plan)
        .contains(
            "module.platform.module.data.aws_vpc_security_group_ingress_rule.postgres[\"eks_cluster\"]"
                + " will be created");
    assertThat(plan)
        .contains(
            "module.platform.module.identity.aws_cognito_user_pool_client.spa will be created",
            "module.platform.module.identity.aws_cognito_user_group.admins will be created",
            "module.platform.module.ingress.aws_vpc_security_group_ingress_rule.https_from_cloudfront"
                + " will be created",
            "module.platform.module.ingress.aws_wafv2_web_acl.alb will be created",
            "module.platform.module.edge.aws_s3_object.spa_config will be created",
            "module.platform.module.eks.aws_eks_addon.this[\"vpc-cni\"] will be created");
    for (String service : List.of("catalog", "cart", "order", "payment", "notification")) {
      assertThat(plan)
          .contains(
              "module.platform.module.service_iam.aws_iam_role_policy.service[\"%s\"] will be created"
                  .formatted(service));
    }
  }

  /**
   * target/tf-copies/{name}/terraform/{modules,envs/<env>} and
   * events-schema/{topology,data-schema}.yaml.
   */
  private static Path copyWithMotoOverride(Path env, String name) throws IOException {
    Path repo = Terraform.TARGET.resolve("tf-copies").resolve(name);
    Path root = repo.resolve("terraform/envs").resolve(env.getFileName().toString());
    try (Stream<Path> files = Files.walk(Roots.MODULES)) {
      // .tf files and the data a module reads with file() (observability's slo-alarms.json)
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".tf") || f.toString().endsWith(".json"))
              .toList()) {
        copy(
            file,
            repo.resolve("terraform/modules").resolve(Roots.MODULES.relativize(file).toString()));
      }
    }
    try (Stream<Path> files = Files.list(env)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
        copy(file, root.resolve(file.getFileName().toString()));
      }
    }
    copy(Roots.TOPOLOGY, repo.resolve("events-schema/topology.yaml"));
    copy(Roots.DATA_SCHEMA, repo.resolve("events-schema/data-schema.yaml"));
    Files.deleteIfExists(root.resolve("terraform.tfstate"));
    Files.writeString(root.resolve("moto_override.tf"), override());
    // Formatted: terraform fmt -check -recursive (TerraformFormatTests) also sees target/.
    Terraform.in(root, name).ok("fmt", "-no-color", "moto_override.tf");
    return root;
  }

  /** Local backend; both providers (default and us_east_1) at moto with test credentials. */
  private static String override() {
    String endpoints =
        ENDPOINTS.stream()
            .map(service -> "    %s = \"%s\"".formatted(service, moto.endpoint()))
            .collect(Collectors.joining("\n"));
    String provider =
        """
        provider "aws" {
        %s
          access_key                  = "test"
          secret_key                  = "test"
          skip_credentials_validation = true
          skip_metadata_api_check     = true
          s3_use_path_style           = true
          endpoints {
        %s
          }
        }
        """;
    return "terraform {\n  backend \"local\" {}\n}\n"
        + provider.formatted("", endpoints)
        + provider.formatted("  alias = \"us_east_1\"\n", endpoints);
  }

  private static void copy(Path file, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
