package io.emporium.launcher;

import io.emporium.local.AwsClients;
import io.emporium.local.CognitoPool;
import io.emporium.local.FreePorts;
import io.emporium.local.LocalProvisioning;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * What the shop runs on, locally: the AWS endpoint (moto, or a LocalStack or endpoint that is
 * there), PostgreSQL with the databases of data-schema.yaml, everything topology.yaml and
 * data-schema.yaml declare for environment {@value #ENV}, and the user pool with its demo users.
 */
final class LocalInfrastructure implements AutoCloseable {

  static final String ENV = "local";

  private final RunDirectory run;
  private AwsEndpoint aws;
  private Database database;
  private LocalAccounts accounts;

  private LocalInfrastructure(RunDirectory run) {
    this.run = run;
  }

  /**
   * Starts (or finds) each part; on failure, stops what it started and throws. A non-null {@code
   * awsEndpoint} is used as the AWS endpoint (one the caller runs, e.g. behind the bench's counting
   * proxy) instead of one found or started.
   */
  static LocalInfrastructure start(
      StackSettings settings, RunDirectory run, URI awsEndpoint, Consumer<String> progress) {
    var infrastructure = new LocalInfrastructure(run);
    try {
      infrastructure.boot(settings, awsEndpoint, progress);
      return infrastructure;
    } catch (RuntimeException e) {
      infrastructure.close();
      throw e;
    }
  }

  private void boot(StackSettings settings, URI awsEndpoint, Consumer<String> progress) {
    Map<String, String> env = new HashMap<>(System.getenv());
    if (awsEndpoint != null) {
      env.put(AwsEndpoint.ENV, awsEndpoint.toString());
    }
    Optional<AwsEndpoint> existingAws = AwsEndpoint.existing(settings.ports().aws(), env);
    Optional<Database> configuredDb =
        Database.configured(env)
            .or(
                () ->
                    existingAws.flatMap(
                        found -> Database.besideLocalStack(found, settings.ports().postgres())));
    requireFreePorts(settings, existingAws.isEmpty(), configuredDb.isEmpty());
    try {
      Files.createDirectories(settings.logs());
    } catch (IOException e) {
      throw new LaunchException("cannot create " + settings.logs() + ": " + e.getMessage(), e);
    }
    aws =
        existingAws.orElseGet(
            () -> {
              progress.accept("starting moto_server on port " + settings.ports().aws());
              return AwsEndpoint.startMoto(settings.ports().aws(), settings.log("moto"));
            });
    aws.process().ifPresent(p -> run.record("moto", p));
    progress.accept("AWS endpoint: " + aws.uri() + " — " + aws.description());
    database = configuredDb.orElseGet(() -> embeddedDatabase(settings, progress));
    database.process().ifPresent(p -> run.record("postgres", p));
    database.createDatabases(StackSettings.DATABASES);
    progress.accept(
        "PostgreSQL: " + database.jdbcUrl("<service>") + " — " + database.description());
    LocalProvisioning.provision(AwsClients.emulator(aws.uri()), ENV);
    progress.accept(
        "provisioned topics, queues, DLQs, subscriptions (topology.yaml) and DynamoDB tables"
            + " (data-schema.yaml)");
    accounts = LocalAccounts.provision(aws.uri());
    progress.accept(
        "Cognito user pool "
            + accounts.pool().userPoolId()
            + ", app client "
            + accounts.pool().clientId()
            + ", group admins, demo users "
            + LocalAccounts.SHOPPER
            + " and "
            + LocalAccounts.ADMIN);
  }

  private static Database embeddedDatabase(StackSettings settings, Consumer<String> progress) {
    progress.accept(
        "starting PostgreSQL on port "
            + settings.ports().postgres()
            + (settings.keepData()
                ? " (data in " + settings.postgresData() + ")"
                : " (throwaway data)"));
    return Database.embedded(settings);
  }

  private static void requireFreePorts(
      StackSettings settings, boolean needAws, boolean needPostgres) {
    settings
        .ports()
        .all()
        .forEach(
            (component, port) -> {
              boolean needed =
                  !(component.equals("aws") && !needAws)
                      && !(component.equals("postgres") && !needPostgres);
              if (needed && !FreePorts.isFree(port)) {
                throw LaunchException.portTaken(port, component);
              }
            });
  }

  AwsEndpoint aws() {
    return aws;
  }

  Database database() {
    return database;
  }

  CognitoPool identity() {
    return accounts.pool();
  }

  List<LocalAccounts.DemoUser> demoUsers() {
    return accounts.demoUsers();
  }

  /** What {@code ./emporium status} shows of it: the ports it took, the endpoints, the pool. */
  void describe(StackSettings settings, Properties stack) {
    settings
        .ports()
        .all()
        .forEach(
            (name, port) -> {
              boolean ours =
                  !(name.equals("aws") && aws.moto() == null)
                      && !(name.equals("postgres") && !database.isEmbedded());
              if (ours) {
                stack.setProperty(name + ".port", String.valueOf(port));
              }
            });
    stack.setProperty("aws.endpoint", aws.uri().toString());
    stack.setProperty("aws.kind", aws.description());
    stack.setProperty("postgres.url", database.jdbcUrl(""));
    stack.setProperty("identity.user-pool-id", accounts.pool().userPoolId());
    stack.setProperty("identity.client-id", accounts.pool().clientId());
  }

  /** The emulator and PostgreSQL processes it started, still alive. */
  List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    if (aws != null) {
      aws.process().filter(ProcessHandle::isAlive).ifPresent(all::add);
    }
    if (database != null) {
      run.process("postgres").ifPresent(all::add);
    }
    return all;
  }

  /** Stops the emulator and PostgreSQL if it started them. */
  @Override
  public void close() {
    if (aws != null) {
      aws.close();
      run.forget("moto");
    }
    if (database != null) {
      database.close();
      run.forget("postgres");
    }
  }
}
