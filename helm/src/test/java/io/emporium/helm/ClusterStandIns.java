package io.emporium.helm;

import io.emporium.events.topology.Topology;
import io.emporium.local.AwsClients;
import io.emporium.local.FreePorts;
import io.emporium.local.LocalPostgres;
import io.emporium.local.MotoServer;
import io.emporium.local.TopologyProvisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What a cluster gives a service and a laptop does not, stood in for: the AWS emulator in the
 * environment's region holding what Terraform creates there (topics and queues from topology.yaml,
 * the cart's DynamoDB tables, a Cognito user pool with an app client), and a PostgreSQL with a
 * database per service. {@link #environment} turns a chart's container environment into the one the
 * service is started with, changing only what must point at these stand-ins.
 */
final class ClusterStandIns implements AutoCloseable {

  /**
   * The DynamoDB tables terraform/modules/data creates by default (dynamodb_tables): name, keys.
   */
  private static final Map<String, List<String>> TABLES =
      Map.of(
          "carts", List.of("pk"), "cart-outbox", List.of("pk", "sk"), "cart-inbox", List.of("pk"));

  private static final Pattern AGENT = Pattern.compile("-javaagent:(\\S+)");

  private final MotoServer moto;
  private final LocalPostgres postgres;
  private final Map<String, Identity> identities = new LinkedHashMap<>();
  private final Map<String, Boolean> provisioned = new LinkedHashMap<>();

  /** The emulator's user pool and app client in one region. */
  record Identity(String userPoolId, String clientId) {}

  private ClusterStandIns(MotoServer moto, LocalPostgres postgres) {
    this.moto = moto;
    this.postgres = postgres;
  }

  static ClusterStandIns start() {
    MotoServer moto = MotoServer.start();
    try {
      return new ClusterStandIns(moto, LocalPostgres.start());
    } catch (RuntimeException e) {
      moto.close();
      throw e;
    }
  }

  /**
   * The chart's environment with only these changes: the database secret's fields point at the test
   * PostgreSQL (password login instead of IAM tokens, which need Aurora), the AWS SDK at the
   * emulator with static credentials (IRSA's stand-in), the identity at the emulator's pool (same
   * region), the port at a free one (the fixed ports are shared on this machine) and the agent at
   * the copy the build made for the image. Every other variable is the chart's, unchanged.
   */
  synchronized Map<String, String> environment(String service, ContainerEnvironment chart) {
    Map<String, String> env = new LinkedHashMap<>(chart.values());
    String region = env.get("SPRING_CLOUD_AWS_REGION_STATIC");
    provision(env.get("EMPORIUM_ENV"), region, service);
    chart.secretRefs().forEach((name, ref) -> env.put(name, secretField(service, ref)));
    if (!chart.secretRefs().isEmpty()) {
      env.put("EMPORIUM_DATABASE_IAM_AUTH", "false");
      env.put("SPRING_R2DBC_PASSWORD", "postgres");
      env.put("SPRING_FLYWAY_PASSWORD", "postgres");
    }
    env.put("SPRING_CLOUD_AWS_ENDPOINT", moto.endpoint().toString());
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    Identity identity = identity(env.get("EMPORIUM_IDENTITY_REGION"));
    env.put("EMPORIUM_IDENTITY_USER_POOL_ID", identity.userPoolId());
    env.put("EMPORIUM_IDENTITY_CLIENT_ID", identity.clientId());
    env.put("EMPORIUM_IDENTITY_COGNITO_ENDPOINT", moto.endpoint().toString());
    env.put("SERVER_PORT", String.valueOf(FreePorts.next()));
    env.computeIfPresent("JAVA_TOOL_OPTIONS", (name, options) -> localAgent(service, options));
    return env;
  }

  private String secretField(String service, String ref) {
    String key = ref.substring(ref.indexOf('/') + 1);
    postgres.createDatabase(service);
    return switch (key) {
      case "host" -> "127.0.0.1";
      case "username" -> LocalPostgres.USER;
      case "r2dbcUrl" -> postgres.r2dbcUrl(service);
      case "jdbcUrl" -> postgres.jdbcUrl(service);
      case "EMPORIUM_PAYMENT_PROVIDER_API_KEY" -> "stand-in-provider-key";
      default -> throw new AssertionError("no stand-in for the secret's key " + key);
    };
  }

  private static String localAgent(String service, String options) {
    Path agent =
        Charts.repoRoot()
            .resolve("services")
            .resolve(service)
            .resolve("target/jib-extra/otel/opentelemetry-javaagent.jar");
    if (!Files.isRegularFile(agent)) {
      throw new AssertionError(
          agent + " is missing: build the service (./mvnw -pl services/" + service + " package)");
    }
    Matcher matcher = AGENT.matcher(options);
    return matcher.replaceAll(Matcher.quoteReplacement("-javaagent:" + agent));
  }

  private void provision(String env, String region, String service) {
    if (provisioned.putIfAbsent(env + "/" + region, true) != null) {
      return;
    }
    AwsClients aws = new AwsClients(moto.endpoint(), Region.of(region), "test", "test");
    try (var sns = aws.sns();
        var sqs = aws.sqs()) {
      new TopologyProvisioner(sns, sqs).provision(Topology.load(), env);
    }
    try (DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .endpointOverride(moto.endpoint())
            .region(Region.of(region))
            .credentialsProvider(aws.credentials())
            .build()) {
      TABLES.forEach((name, keys) -> createTable(dynamo, "emporium-" + env + "-" + name, keys));
    }
  }

  private static void createTable(DynamoDbClient dynamo, String name, List<String> keys) {
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(
                    keys.stream()
                        .map(
                            k ->
                                KeySchemaElement.builder()
                                    .attributeName(k)
                                    .keyType(k.equals(keys.get(0)) ? KeyType.HASH : KeyType.RANGE)
                                    .build())
                        .toList())
                .attributeDefinitions(
                    keys.stream()
                        .map(
                            k ->
                                AttributeDefinition.builder()
                                    .attributeName(k)
                                    .attributeType(ScalarAttributeType.S)
                                    .build())
                        .toList()));
  }

  /** A user pool, an app client and the admins group, as the identity module creates them. */
  private Identity identity(String region) {
    return identities.computeIfAbsent(
        region,
        r -> {
          try (CognitoIdentityProviderClient cognito =
              CognitoIdentityProviderClient.builder()
                  .endpointOverride(moto.endpoint())
                  .region(Region.of(r))
                  .credentialsProvider(
                      new AwsClients(moto.endpoint(), Region.of(r), "test", "test").credentials())
                  .build()) {
            String pool =
                cognito
                    .createUserPool(
                        b ->
                            b.poolName("emporium-chart-env").usernameAttributesWithStrings("email"))
                    .userPool()
                    .id();
            String client =
                cognito
                    .createUserPoolClient(
                        b ->
                            b.userPoolId(pool)
                                .clientName("emporium-chart-env-spa")
                                .generateSecret(false)
                                .explicitAuthFlows(
                                    ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                    ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                    .userPoolClient()
                    .clientId();
            cognito.createGroup(b -> b.userPoolId(pool).groupName("admins"));
            return new Identity(pool, client);
          }
        });
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } finally {
      moto.close();
    }
  }
}
