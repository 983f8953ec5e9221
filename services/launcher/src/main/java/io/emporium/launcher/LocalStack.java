package io.emporium.launcher;

import io.emporium.events.topology.Topology;
import io.emporium.platform.deadletters.AuditTable;
import io.emporium.platform.local.AwsClients;
import io.emporium.platform.local.CognitoPool;
import io.emporium.platform.local.FreePorts;
import io.emporium.platform.local.ProcessTrees;
import io.emporium.platform.local.TopologyProvisioner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The whole shop on this machine: the AWS emulator, PostgreSQL, the topology, the user pool with
 * its demo users, the five services and the edge, each service its own JVM. {@link #close()} stops
 * what it started, and nothing else.
 */
public final class LocalStack implements AutoCloseable {

  /**
   * How long each JVM may take to be ready: 180 s, or -Demporium.ready-timeout-seconds, or
   * EMPORIUM_READY_TIMEOUT seconds.
   */
  static final Duration READY_TIMEOUT =
      Duration.ofSeconds(
          Long.getLong(
              "emporium.ready-timeout-seconds",
              Long.parseLong(
                  System.getenv().getOrDefault("EMPORIUM_READY_TIMEOUT", "180").trim())));

  static final String TOPOLOGY_ENV = "local";

  /**
   * A system property: when true, the services run with the full JIT (C1 and C2), as their images
   * do, instead of C1 only (the default: seven JVMs start faster).
   */
  public static final String FULL_JIT = "emporium.launcher.full-jit";

  private final StackSettings settings;
  private final Consumer<String> progress;
  private final RunDirectory run;
  private final URI givenAwsEndpoint;
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private AwsEndpoint aws;
  private Database database;
  private LocalAccounts accounts;
  private ServiceCommands commands;
  private boolean closed;

  private LocalStack(StackSettings settings, URI givenAwsEndpoint, Consumer<String> progress) {
    this.settings = settings;
    this.givenAwsEndpoint = givenAwsEndpoint;
    this.progress = progress;
    this.run = new RunDirectory(settings.runDir());
  }

  /**
   * Starts (or finds) the emulator and PostgreSQL, provisions the topology, starts the services and
   * the edge and waits until all are ready. On failure it stops what it started and throws.
   */
  public static LocalStack start(StackSettings settings, Consumer<String> progress) {
    return start(settings, null, progress);
  }

  /**
   * As {@link #start(StackSettings, Consumer)}, with every service pointed at {@code awsEndpoint}
   * (an emulator the caller runs, e.g. behind the bench's counting proxy) instead of one it finds
   * or starts; null means find or start one.
   */
  public static LocalStack start(
      StackSettings settings, URI awsEndpoint, Consumer<String> progress) {
    LocalStack stack = new LocalStack(settings, awsEndpoint, progress);
    try {
      stack.boot();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void boot() {
    ServiceCommands.requireJars(settings);
    Map<String, String> env = new HashMap<>(System.getenv());
    if (givenAwsEndpoint != null) {
      env.put(AwsEndpoint.ENV, givenAwsEndpoint.toString());
    }
    Optional<AwsEndpoint> existingAws = AwsEndpoint.existing(settings.ports().aws(), env);
    Optional<Database> configuredDb =
        Database.configured(env)
            .or(
                () ->
                    existingAws.flatMap(
                        aws -> Database.besideLocalStack(aws, settings.ports().postgres())));
    requireFreePorts(existingAws.isEmpty(), configuredDb.isEmpty());
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

    database =
        configuredDb.orElseGet(
            () -> {
              progress.accept(
                  "starting PostgreSQL on port "
                      + settings.ports().postgres()
                      + (settings.keepData()
                          ? " (data in " + settings.postgresData() + ")"
                          : " (throwaway data)"));
              return Database.embedded(settings);
            });
    database.process().ifPresent(p -> run.record("postgres", p));
    database.createDatabases(StackSettings.DATABASES);
    progress.accept(
        "PostgreSQL: " + database.jdbcUrl("<service>") + " — " + database.description());

    var clients = AwsClients.emulator(aws.uri());
    try (var sns = clients.sns();
        var sqs = clients.sqs();
        var dynamo = clients.dynamo()) {
      Topology topology = Topology.load();
      new TopologyProvisioner(sns, sqs).provision(topology, TOPOLOGY_ENV);
      AuditTable.create(dynamo, topology.deadLetterAudit(), TOPOLOGY_ENV);
    }
    progress.accept(
        "provisioned topics, queues, DLQs, subscriptions and the dead-letter audit table"
            + " (topology.yaml)");

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

    commands = new ServiceCommands(settings, aws, database, accounts.pool());
    run.writeStack(describe());
    List<String> names = StackSettings.PROCESSES;
    progress.accept("starting " + String.join(", ", names) + " (logs in " + settings.logs() + ")");
    names.forEach(this::launch);
    awaitReady(new ArrayList<>(services.values()));
  }

  private void requireFreePorts(boolean needAws, boolean needPostgres) {
    settings
        .ports()
        .all()
        .forEach(
            (component, port) -> {
              boolean needed =
                  !(component.equals("aws") && !needAws)
                      && !(component.equals("postgres") && !needPostgres);
              if (needed && !FreePorts.isFree(port)) {
                throw new LaunchException(
                    "port "
                        + port
                        + " ("
                        + component
                        + ") is taken: is ./emporium up already running? (./emporium status,"
                        + " ./emporium down)");
              }
            });
  }

  private void launch(String name) {
    ServiceProcess process = commands.process(name);
    services.put(name, process);
    run.record(name, process.start());
  }

  private void awaitReady(List<ServiceProcess> waiting) {
    Instant started = Instant.now();
    Instant deadline = started.plus(READY_TIMEOUT);
    Instant nextNote = started.plusSeconds(15);
    List<ServiceProcess> pending = new ArrayList<>(waiting);
    while (!pending.isEmpty()) {
      for (ServiceProcess service : List.copyOf(pending)) {
        if (service.ready()) {
          pending.remove(service);
          progress.accept(service.name() + " ready (" + seconds(started) + ")");
        }
      }
      if (pending.isEmpty()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw pending.getFirst().notReady();
      }
      if (Instant.now().isAfter(nextNote)) {
        nextNote = Instant.now().plusSeconds(15);
        progress.accept(
            "waiting for "
                + String.join(", ", pending.stream().map(ServiceProcess::name).toList())
                + " ("
                + seconds(started)
                + ")");
      }
      ServiceProcess.sleep(Duration.ofMillis(250));
    }
  }

  private static String seconds(Instant since) {
    return "%.1f s".formatted(Duration.between(since, Instant.now()).toMillis() / 1000.0);
  }

  private Properties describe() {
    Properties stack = new Properties();
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
    stack.setProperty("logs", settings.logs().toString());
    return stack;
  }

  public URI edgeUrl() {
    return URI.create(ServiceCommands.url(settings.ports().edge()));
  }

  public URI serviceUrl(String service) {
    return URI.create(ServiceCommands.url(settings.ports().of(service)));
  }

  public URI awsEndpoint() {
    return aws.uri();
  }

  /** The user pool every service and the edge accept tokens of. */
  public CognitoPool identity() {
    return accounts.pool();
  }

  /** The demo users this start created, with their fresh passwords. */
  public List<LocalAccounts.DemoUser> demoUsers() {
    return accounts.demoUsers();
  }

  public String postgresJdbcUrl(String database) {
    return this.database.jdbcUrl(database);
  }

  /** The process of {@code name} (a service, the edge or the payment provider simulator). */
  public ProcessHandle process(String name) {
    return service(name).handle();
  }

  /** A JDBC connection to one of the stack's databases, as the stack's own user. */
  public Connection connect(String databaseName) throws SQLException {
    return database.connect(databaseName);
  }

  public StackSettings settings() {
    return settings;
  }

  /** Stops one service (e.g. payment) and returns once its process is gone. */
  public void stopService(String service) {
    ServiceProcess process = service(service);
    progress.accept("stopping " + service);
    process.stop();
    run.forget(service);
  }

  /** Starts a stopped service again and returns once it is ready. */
  public void startService(String service) {
    if (service(service).isAlive()) {
      throw new IllegalStateException(service + " is running");
    }
    progress.accept("starting " + service);
    launch(service);
    services.get(service).awaitReady(Instant.now().plus(READY_TIMEOUT));
    progress.accept(service + " ready");
  }

  /** Every process this stack started (services, edge, moto, PostgreSQL) that is still alive. */
  public List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    services.values().stream()
        .filter(ServiceProcess::isAlive)
        .map(ServiceProcess::handle)
        .forEach(all::add);
    if (aws != null) {
      aws.process().filter(ProcessHandle::isAlive).ifPresent(all::add);
    }
    if (database != null) {
      run.process("postgres").ifPresent(all::add);
    }
    return all;
  }

  private ServiceProcess service(String name) {
    ServiceProcess process = services.get(name);
    if (process == null) {
      throw new IllegalArgumentException("no service '" + name + "' in this stack");
    }
    return process;
  }

  /** Stops the services and the edge, then the emulator and PostgreSQL it started. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<ProcessHandle> running =
        services.values().stream()
            .filter(ServiceProcess::isAlive)
            .map(ServiceProcess::handle)
            .toList();
    if (!running.isEmpty()) {
      progress.accept("stopping " + String.join(", ", services.keySet()));
      ProcessTrees.stopAll(running, ServiceProcess.STOP_GRACE);
    }
    services.keySet().forEach(run::forget);
    if (aws != null) {
      aws.close();
      run.forget("moto");
    }
    if (database != null) {
      database.close();
      run.forget("postgres");
    }
    run.forgetStack();
    progress.accept("stopped");
  }
}
