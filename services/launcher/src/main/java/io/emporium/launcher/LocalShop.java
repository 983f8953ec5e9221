package io.emporium.launcher;

import io.emporium.local.CognitoPool;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The whole shop on this machine: its {@link LocalInfrastructure} (the AWS emulator, PostgreSQL,
 * what topology.yaml and data-schema.yaml declare, the user pool with its demo users), then the
 * five services, the edge and the payment provider simulator, each its own JVM. {@link #close()}
 * stops what it started, and nothing else. (Not to be confused with LocalStack, the Docker image a
 * machine with Docker may run instead of moto: see {@link Database#besideLocalStack}.)
 */
public final class LocalShop implements AutoCloseable {

  /**
   * A system property: when true, the services run with the full JIT (C1 and C2), as their images
   * do, instead of C1 only (the default: seven JVMs start faster). The bench sets it.
   */
  public static final String FULL_JIT = "emporium.launcher.full-jit";

  private final StackSettings settings;
  private final Consumer<String> progress;
  private final RunDirectory run;
  private LocalInfrastructure infrastructure;
  private ServiceProcesses services;
  private boolean closed;

  private LocalShop(StackSettings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
    this.run = new RunDirectory(settings.runDir());
  }

  /**
   * Starts (or finds) the infrastructure, starts the services, the edge and the simulator and waits
   * until all are ready. On failure it stops what it started and throws.
   */
  public static LocalShop start(StackSettings settings, Consumer<String> progress) {
    return start(settings, System.getenv(), progress);
  }

  /**
   * As {@link #start(StackSettings, Consumer)}, reading {@code EMPORIUM_AWS_ENDPOINT} and {@code
   * EMPORIUM_PG_*} from {@code environment} instead of this process's: e.g. the fault suite puts
   * its proxy in front of the emulator.
   */
  public static LocalShop start(
      StackSettings settings, Map<String, String> environment, Consumer<String> progress) {
    LocalShop shop = new LocalShop(settings, progress);
    try {
      shop.boot(environment);
      return shop;
    } catch (RuntimeException e) {
      shop.close();
      throw e;
    }
  }

  private void boot(Map<String, String> environment) {
    ServiceCommands.requireJars(settings);
    infrastructure = LocalInfrastructure.start(settings, environment, run, progress);
    var commands =
        new ServiceCommands(settings, infrastructure.aws(), infrastructure.database(), identity());
    services = new ServiceProcesses(commands, run, progress);
    Properties described = new Properties();
    infrastructure.describe(settings, described);
    described.setProperty("logs", settings.logs().toString());
    run.writeStack(described);
    List<String> names = StackSettings.PROCESSES;
    progress.accept("starting " + String.join(", ", names) + " (logs in " + settings.logs() + ")");
    services.startAll(names);
  }

  public URI edgeUrl() {
    return URI.create(ServiceCommands.url(settings.ports().edge()));
  }

  public URI serviceUrl(String service) {
    return URI.create(ServiceCommands.url(settings.ports().of(service)));
  }

  public URI awsEndpoint() {
    return infrastructure.aws().uri();
  }

  /** The user pool every service and the edge accept tokens of. */
  public CognitoPool identity() {
    return infrastructure.identity();
  }

  /** The demo users this start created, with their fresh passwords. */
  public List<LocalAccounts.DemoUser> demoUsers() {
    return infrastructure.demoUsers();
  }

  public String postgresJdbcUrl(String database) {
    return infrastructure.database().jdbcUrl(database);
  }

  /** A JDBC connection to one of the shop's databases, as the shop's own user. */
  public Connection connect(String databaseName) throws SQLException {
    return infrastructure.database().connect(databaseName);
  }

  public StackSettings settings() {
    return settings;
  }

  /** Stops one service (e.g. payment) and returns once its process is gone. */
  public void stopService(String service) {
    services.stop(service);
  }

  /** Kills one service at once (SIGKILL: no shutdown hook, no graceful stop), as a crash does. */
  public void killService(String service) {
    services.kill(service);
  }

  /**
   * The process of a running service, the edge or the payment provider simulator (e.g. to freeze it
   * with SIGSTOP, or read its memory).
   */
  public ProcessHandle serviceProcess(String service) {
    return services.handle(service);
  }

  /** Starts a stopped service again and returns once it is ready. */
  public void startService(String service) {
    services.startAgain(service);
  }

  /** Every process this shop started (services, edge, moto, PostgreSQL) that is still alive. */
  public List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    if (services != null) {
      all.addAll(services.running());
    }
    if (infrastructure != null) {
      all.addAll(infrastructure.processes());
    }
    return all;
  }

  /** Stops the services, the edge and the simulator, then what the infrastructure started. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (services != null) {
      services.stopAll();
    }
    if (infrastructure != null) {
      infrastructure.close();
    }
    run.forgetStack();
    progress.accept("stopped");
  }
}
