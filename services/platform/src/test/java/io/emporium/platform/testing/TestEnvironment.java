package io.emporium.platform.testing;

import io.emporium.local.LocalPostgres;
import io.emporium.local.MotoServer;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The AWS endpoint and PostgreSQL of this test JVM, started once and stopped at exit. Choice, in
 * order: endpoints given by the environment ({@code EMPORIUM_AWS_ENDPOINT}, {@code
 * EMPORIUM_PG_HOST} + {@code EMPORIUM_PG_PORT} + {@code EMPORIUM_PG_USER} + {@code
 * EMPORIUM_PG_PASSWORD}); else Testcontainers LocalStack / PostgreSQL when Docker is available;
 * else a moto server and an embedded PostgreSQL started here on free ports below 32768.
 */
public final class TestEnvironment {

  static final String LOCALSTACK_IMAGE = "localstack/localstack:4.4";
  static final String POSTGRES_IMAGE = "postgres:16-alpine";

  private static final Logger log = LoggerFactory.getLogger(TestEnvironment.class);
  private static final Map<String, String> ENV = System.getenv();

  private static AwsEmulator aws;
  private static AwsEmulator cognito;
  private static TestPostgres postgres;
  private static Boolean docker;

  private TestEnvironment() {}

  public static synchronized AwsEmulator aws() {
    if (aws == null) {
      aws = startAws();
      log.info("AWS endpoint for tests: {} ({})", aws.endpoint(), aws.kind());
    }
    return aws;
  }

  /**
   * Where Cognito answers for this JVM: the given endpoint or LocalStack (as {@link #aws()}), else
   * a second moto server of its own, which {@link EmulatedInfrastructure} never resets, so the user
   * pool and its users outlive the per-class reset of queues and tables.
   */
  public static synchronized AwsEmulator cognito() {
    if (cognito == null) {
      AwsEmulator shared = aws();
      if (shared.ownedMoto() == null) {
        cognito = shared;
      } else {
        MotoServer moto = MotoServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(moto::close));
        cognito = new AwsEmulator(moto.endpoint(), "moto (Cognito)", null);
      }
      log.info("Cognito endpoint for tests: {} ({})", cognito.endpoint(), cognito.kind());
    }
    return cognito;
  }

  public static synchronized TestPostgres postgres() {
    if (postgres == null) {
      postgres = startPostgres();
      log.info(
          "PostgreSQL for tests: {}:{} ({})", postgres.host(), postgres.port(), postgres.kind());
    }
    return postgres;
  }

  private static AwsEmulator startAws() {
    String given = ENV.get("EMPORIUM_AWS_ENDPOINT");
    if (given != null && !given.isBlank()) {
      return new AwsEmulator(URI.create(given), "given", null);
    }
    if (dockerAvailable()) {
      var localstack = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE));
      localstack.start();
      Runtime.getRuntime().addShutdownHook(new Thread(localstack::stop));
      return new AwsEmulator(localstack.getEndpoint(), "localstack", null);
    }
    MotoServer moto = MotoServer.start();
    Runtime.getRuntime().addShutdownHook(new Thread(moto::close));
    return new AwsEmulator(moto.endpoint(), "moto", moto);
  }

  private static TestPostgres startPostgres() {
    String host = ENV.get("EMPORIUM_PG_HOST");
    if (host != null && !host.isBlank()) {
      return new TestPostgres(
          host,
          Integer.parseInt(ENV.getOrDefault("EMPORIUM_PG_PORT", "5432")),
          ENV.getOrDefault("EMPORIUM_PG_USER", "postgres"),
          ENV.getOrDefault("EMPORIUM_PG_PASSWORD", ""),
          "given");
    }
    if (dockerAvailable()) {
      var container = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE));
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
      return new TestPostgres(
          container.getHost(),
          container.getFirstMappedPort(),
          container.getUsername(),
          container.getPassword(),
          "testcontainers");
    }
    LocalPostgres embedded = LocalPostgres.start();
    Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
    return new TestPostgres("127.0.0.1", embedded.port(), LocalPostgres.USER, "", "embedded");
  }

  private static boolean dockerAvailable() {
    if (docker == null) {
      try {
        docker = DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        docker = false;
      }
    }
    return docker;
  }
}
