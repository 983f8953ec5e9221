package io.emporium.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.local.MotoServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.WebACL;

/**
 * The identity and ingress modules applied to moto (src/test/terraform/access) and read back with
 * the AWS SDK: the user pool, SPA client, admins group and Hosted UI domain; the ALB's security
 * group (CloudFront's prefix list, 443 only), its web ACL (only the secret header passes) and the
 * secret itself, which a second plan does not redraw. moto forgets everything when it stops, so no
 * destroy (the messaging module's test covers destroy). The ACM certificate is given (moto issues
 * certificates only after a minute); the module's own certificate is checked by validate and the
 * environment plans.
 */
class AccessModulesIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENV = "it" + UUID.randomUUID().toString().substring(0, 8);
  private static final Region REGION = Region.EU_WEST_1;

  private static MotoServer moto;
  private static Terraform terraform;
  private static String[] vars;
  private static JsonNode outputs;
  private static CognitoIdentityProviderClient cognito;
  private static Ec2Client ec2;
  private static Wafv2Client waf;
  private static SecretsManagerClient secrets;

  @BeforeAll
  static void apply() throws IOException {
    moto = MotoServer.start();
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    cognito =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(moto.endpoint())
            .region(REGION)
            .credentialsProvider(credentials)
            .build();
    ec2 =
        Ec2Client.builder()
            .endpointOverride(moto.endpoint())
            .region(REGION)
            .credentialsProvider(credentials)
            .build();
    waf =
        Wafv2Client.builder()
            .endpointOverride(moto.endpoint())
            .region(REGION)
            .credentialsProvider(credentials)
            .build();
    secrets =
        SecretsManagerClient.builder()
            .endpointOverride(moto.endpoint())
            .region(REGION)
            .credentialsProvider(credentials)
            .build();
    terraform =
        Terraform.in(Terraform.MODULE_DIR.resolve("src/test/terraform/access"), "it-access");
    vars = new String[] {"-var", "endpoint=" + moto.endpoint(), "-var", "environment=" + ENV};
    terraform.ok(
        "init",
        "-input=false",
        "-no-color",
        "-reconfigure",
        "-backend-config=path=" + Terraform.TARGET.resolve("it-access-" + ENV + ".tfstate"));
    terraform.ok(withVars("apply", "-auto-approve", "-input=false", "-no-color"));
    outputs = JSON.readTree(terraform.ok("output", "-json", "-no-color"));
  }

  @AfterAll
  static void close() {
    for (AutoCloseable client : new AutoCloseable[] {cognito, ec2, waf, secrets, moto}) {
      try {
        if (client != null) {
          client.close();
        }
      } catch (Exception e) {
        // moto stops with the JVM anyway
      }
    }
  }

  @Test
  void createsAPoolWhereShoppersSignInWithAVerifiedEmail() {
    UserPoolType pool =
        cognito
            .describeUserPool(r -> r.userPoolId(output("spa_config").path("userPoolId").asText()))
            .userPool();

    assertThat(pool.name()).isEqualTo("emporium-" + ENV);
    assertThat(pool.usernameAttributesAsStrings()).containsExactly("email");
    assertThat(pool.autoVerifiedAttributesAsStrings()).containsExactly("email");
    assertThat(pool.policies().passwordPolicy().minimumLength()).isEqualTo(12);
    assertThat(pool.policies().passwordPolicy().requireUppercase()).isTrue();
    assertThat(pool.policies().passwordPolicy().requireNumbers()).isTrue();
    // Shoppers sign up themselves (moto omits the flag when it is false).
    assertThat(pool.adminCreateUserConfig().allowAdminCreateUserOnly()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void createsAPublicSpaClientForTheAuthorizationCodeFlowOnTheShopsDomain() {
    JsonNode config = output("spa_config");
    UserPoolClientType client =
        cognito
            .describeUserPoolClient(
                r ->
                    r.userPoolId(config.path("userPoolId").asText())
                        .clientId(config.path("clientId").asText()))
            .userPoolClient();
    String shop = "https://" + ENV + ".shop.example.test";

    assertThat(client.clientSecret()).as("a browser cannot keep a secret").isNull();
    assertThat(client.allowedOAuthFlowsAsStrings()).containsExactly("code");
    assertThat(client.allowedOAuthFlowsUserPoolClient()).isTrue();
    assertThat(client.allowedOAuthScopes())
        .containsExactlyInAnyOrder("openid", "email", "aws.cognito.signin.user.admin");
    assertThat(client.callbackURLs()).containsExactly(shop + "/auth/callback");
    assertThat(client.logoutURLs()).containsExactly(shop + "/");
    assertThat(client.explicitAuthFlowsAsStrings())
        .containsExactlyInAnyOrder("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
    assertThat(client.supportedIdentityProviders()).containsExactly("COGNITO");
  }

  @Test
  void createsTheAdminsGroupAndTheHostedUiDomainConfigJsonNames() {
    JsonNode config = output("spa_config");
    String poolId = config.path("userPoolId").asText();
    String prefix = config.path("authDomain").asText().split("\\.")[0];

    assertThat(cognito.getGroup(r -> r.userPoolId(poolId).groupName("admins")).group().groupName())
        .isEqualTo("admins");
    assertThat(
            cognito.describeUserPoolDomain(r -> r.domain(prefix)).domainDescription().userPoolId())
        .isEqualTo(poolId);
    assertThat(config.path("authDomain").asText())
        .isEqualTo(prefix + ".auth.eu-west-1.amazoncognito.com");
    assertThat(config.path("region").asText()).isEqualTo("eu-west-1");
    assertThat(outputs.at("/issuer/value").asText())
        .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/" + poolId);
  }

  @Test
  void albSecurityGroupAdmitsHttpsFromCloudFrontsOriginFacingAddressesOnly() {
    String prefixList = outputs.at("/cloudfront_prefix_list_id/value").asText();
    SecurityGroup group =
        ec2.describeSecurityGroups(r -> r.groupIds(output("security_group_id").asText()))
            .securityGroups()
            .get(0);

    assertThat(
            ec2.describeManagedPrefixLists(r -> r.prefixListIds(prefixList))
                .prefixLists()
                .get(0)
                .prefixListName())
        .isEqualTo("com.amazonaws.global.cloudfront.origin-facing");
    assertThat(group.ipPermissions()).hasSize(1);
    IpPermission https = group.ipPermissions().get(0);
    assertThat(https.fromPort()).isEqualTo(443);
    assertThat(https.toPort()).isEqualTo(443);
    assertThat(https.ipRanges()).isEmpty();
    assertThat(https.ipv6Ranges()).isEmpty();
    assertThat(https.prefixListIds())
        .singleElement()
        .satisfies(p -> assertThat(p.prefixListId()).isEqualTo(prefixList));
  }

  @Test
  void albWebAclLetsThroughOnlyRequestsCarryingTheSecretOriginHeader() {
    String arn = output("web_acl_arn").asText();
    String[] parts = arn.substring(arn.indexOf("/webacl/") + "/webacl/".length()).split("/");
    WebACL acl = waf.getWebACL(r -> r.scope(Scope.REGIONAL).name(parts[0]).id(parts[1])).webACL();
    String secret =
        secrets
            .getSecretValue(r -> r.secretId(output("origin_secret_arn").asText()))
            .secretString();

    assertThat(acl.defaultAction().block().customResponse().responseCode()).isEqualTo(403);
    assertThat(acl.rules()).hasSize(1);
    Rule rule = acl.rules().get(0);
    assertThat(rule.action().allow()).isNotNull();
    var match = rule.statement().byteMatchStatement();
    assertThat(match.fieldToMatch().singleHeader().name()).isEqualTo("x-origin-verify");
    assertThat(match.positionalConstraintAsString()).isEqualTo("EXACTLY");
    assertThat(match.searchString().asUtf8String()).isEqualTo(secret);
    assertThat(secret).matches("[A-Za-z0-9]{48}");
  }

  @Test
  void aSecondPlanKeepsTheOriginSecretAndTheWebAcl() {
    Terraform.Result plan =
        terraform.run(withVars("plan", "-input=false", "-no-color", "-lock=false"));

    assertThat(plan.exitCode()).isZero();
    List<String> changed =
        plan.output()
            .lines()
            .filter(line -> line.contains("will be") || line.contains("must be"))
            .toList();
    // moto answers a prefix-list rule without its description: that perpetual diff is moto's.
    assertThat(changed)
        .allMatch(
            line -> line.contains("aws_vpc_security_group_ingress_rule.https_from_cloudfront"));
  }

  private static JsonNode output(String name) {
    return outputs.path(name).path("value");
  }

  private static String[] withVars(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(vars));
    return all.toArray(String[]::new);
  }
}
