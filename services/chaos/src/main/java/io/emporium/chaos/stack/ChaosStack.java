package io.emporium.chaos.stack;

import io.emporium.chaos.proxy.AwsFaults;
import io.emporium.chaos.proxy.FaultProxy;
import io.emporium.launcher.LocalShop;
import io.emporium.launcher.StackSettings;
import io.emporium.local.FreePorts;
import io.emporium.local.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The shop as the fault suite runs it: moto on a free port, the {@link FaultProxy} in front of it
 * (the only AWS endpoint the services know), and the services, the edge and the payment provider
 * simulator started by the launcher's {@link LocalShop} on free ports, each its own JVM. What the
 * suite checks it reads from the emulator directly, never through the proxy.
 */
public final class ChaosStack implements AutoCloseable {

  private final MotoServer moto;
  private final FaultProxy proxy;
  private final AwsFaults faults;
  private final LocalShop stack;
  private final PostgresRestarts postgres;

  private ChaosStack(
      MotoServer moto, FaultProxy proxy, AwsFaults faults, LocalShop stack, Path logs) {
    this.moto = moto;
    this.proxy = proxy;
    this.faults = faults;
    this.stack = stack;
    this.postgres =
        new PostgresRestarts(stack.postgresJdbcUrl("postgres"), logs.resolve("postgres.log"));
  }

  /**
   * Starts it all; {@code args} are added to each process's command line (e.g. the order service's
   * saga deadline).
   */
  public static ChaosStack start(
      Path repoRoot, Path stateDir, Map<String, List<String>> args, Consumer<String> progress) {
    StackSettings settings = StackSettings.isolated(repoRoot, stateDir);
    for (var entry : args.entrySet()) {
      settings = settings.withArgs(entry.getKey(), entry.getValue().toArray(String[]::new));
    }
    try {
      Files.createDirectories(settings.logs());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + settings.logs(), e);
    }
    AwsFaults faults = new AwsFaults();
    MotoServer moto = MotoServer.start(FreePorts.next(), settings.log("moto"));
    FaultProxy proxy = null;
    try {
      proxy = FaultProxy.start(moto.endpoint(), faults, FreePorts.next());
      progress.accept("moto " + moto.endpoint() + " behind the fault proxy " + proxy.endpoint());
      LocalShop stack =
          LocalShop.start(
              settings, Map.of("EMPORIUM_AWS_ENDPOINT", proxy.endpoint().toString()), progress);
      return new ChaosStack(moto, proxy, faults, stack, settings.logs());
    } catch (RuntimeException e) {
      if (proxy != null) {
        proxy.close();
      }
      moto.close();
      throw e;
    }
  }

  public LocalShop shop() {
    return stack;
  }

  /** The faults the proxy injects into AWS calls. */
  public AwsFaults aws() {
    return faults;
  }

  /** The emulator itself, past the proxy: for the suite's own reads and injections. */
  public URI emulator() {
    return moto.endpoint();
  }

  public PostgresRestarts postgres() {
    return postgres;
  }

  public String jdbcUrl(String database) {
    return stack.postgresJdbcUrl(database);
  }

  public URI edge() {
    return stack.edgeUrl();
  }

  @Override
  public void close() {
    faults.clear();
    try {
      stack.close();
    } finally {
      proxy.close();
      moto.close();
    }
  }
}
