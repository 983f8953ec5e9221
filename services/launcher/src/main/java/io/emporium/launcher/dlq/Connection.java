package io.emporium.launcher.dlq;

import io.emporium.events.dataschema.DataSchema;
import io.emporium.events.topology.Topology;
import io.emporium.platform.deadletters.Actor;
import io.emporium.platform.deadletters.DeadLetters;
import io.emporium.platform.deadletters.DynamoDbAuditLog;
import io.emporium.platform.deadletters.QueueDirectory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Where the command talks to: {@code --endpoint} (or {@code EMPORIUM_AWS_ENDPOINT}) for an
 * emulator, with the emulator's test credentials unless AWS ones are in the environment; else AWS
 * with the default credentials chain. The environment names the queues and the audit table.
 */
final class Connection implements AutoCloseable {

  @Option(
      names = "--endpoint",
      scope = ScopeType.INHERIT,
      description = "AWS endpoint of an emulator (default: $EMPORIUM_AWS_ENDPOINT, else AWS)")
  String endpoint;

  @Option(
      names = "--region",
      scope = ScopeType.INHERIT,
      description = "AWS region (default: $AWS_REGION, else us-east-1)")
  String region;

  @Option(
      names = "--env",
      scope = ScopeType.INHERIT,
      description =
          "environment in queue names (default: $EMPORIUM_ENV, else from the queue name, else local)")
  String env;

  @Option(
      names = "--api-url",
      scope = ScopeType.INHERIT,
      description =
          "base URL of the services' admin API, for failure reasons"
              + " (default: $EMPORIUM_API_URL, else http://127.0.0.1:8080 for env local)")
  String apiUrl;

  @Option(
      names = "--admin-token-file",
      scope = ScopeType.INHERIT,
      description =
          "a file holding an admin's access token for the admin API (default: $EMPORIUM_ADMIN_TOKEN)")
  java.nio.file.Path adminTokenFile;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "print JSON for scripts instead of tables")
  boolean json;

  private final Map<String, String> environment;
  private SqsClient sqs;
  private DynamoDbClient dynamo;

  Connection() {
    this(System.getenv());
  }

  Connection(Map<String, String> environment) {
    this.environment = environment;
  }

  String endpointOrAws() {
    URI uri = endpoint();
    return uri == null ? "AWS (" + region() + ")" : uri.toString();
  }

  URI endpoint() {
    String given = endpoint != null ? endpoint : environment.get("EMPORIUM_AWS_ENDPOINT");
    return given == null || given.isBlank() ? null : URI.create(given.trim());
  }

  Region region() {
    return Region.of(region != null ? region : environment.getOrDefault("AWS_REGION", "us-east-1"));
  }

  /** The environment: given, else read from the queue's name, else {@code local}. */
  String env(String queue) {
    String given = env != null ? env : environment.get("EMPORIUM_ENV");
    if (given != null && !given.isBlank()) {
      return given;
    }
    if (queue != null) {
      for (String candidate : Topology.load().consumers().keySet()) {
        int at = queue.indexOf("-" + candidate + "-from-");
        if (queue.startsWith("emporium-") && at > "emporium-".length()) {
          return queue.substring("emporium-".length(), at);
        }
      }
    }
    return "local";
  }

  /** The admin API's base URL, or null when none is known. */
  URI apiUrl(String env) {
    String given = apiUrl != null ? apiUrl : environment.get("EMPORIUM_API_URL");
    if (given != null && !given.isBlank()) {
      return URI.create(given.trim());
    }
    return "local".equals(env) ? URI.create("http://127.0.0.1:8080") : null;
  }

  String adminToken() {
    if (adminTokenFile != null) {
      try {
        return java.nio.file.Files.readString(adminTokenFile).strip();
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(
            "cannot read --admin-token-file " + adminTokenFile + ": " + e);
      }
    }
    return environment.get("EMPORIUM_ADMIN_TOKEN");
  }

  DeadLetters deadLetters(String env) {
    Topology topology = Topology.load();
    Clock clock = Clock.systemUTC();
    return new DeadLetters(
        sqs(),
        new QueueDirectory(sqs(), topology, env, clock),
        new DynamoDbAuditLog(dynamo(), DataSchema.load().deadLetterAudit(env)),
        clock,
        Duration.ofSeconds(
            Long.getLong("emporium.dlq.visibility-seconds", DeadLetters.VISIBILITY.toSeconds())));
  }

  /** Who runs this, as AWS sees it (STS GetCallerIdentity: no permission needed). */
  Actor actor() {
    try (StsClient sts = configure(StsClient.builder()).build()) {
      return new Actor(sts.getCallerIdentity().arn(), "cli");
    }
  }

  private SqsClient sqs() {
    if (sqs == null) {
      sqs = configure(SqsClient.builder()).build();
    }
    return sqs;
  }

  private DynamoDbClient dynamo() {
    if (dynamo == null) {
      dynamo = configure(DynamoDbClient.builder()).build();
    }
    return dynamo;
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    builder.region(region()).credentialsProvider(credentials());
    URI uri = endpoint();
    if (uri != null) {
      builder.endpointOverride(uri);
    }
    return builder;
  }

  private AwsCredentialsProvider credentials() {
    if (endpoint() != null && environment.get("AWS_ACCESS_KEY_ID") == null) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  @Override
  public void close() {
    if (sqs != null) {
      sqs.close();
    }
    if (dynamo != null) {
      dynamo.close();
    }
  }
}
