package io.emporium.bench;

import io.emporium.bench.proc.CpuMeter;
import io.emporium.bench.proxy.CountingProxy;
import io.emporium.bench.shop.ShopClient;
import io.emporium.launcher.LocalShop;
import io.emporium.launcher.StackSettings;
import io.emporium.local.FreePorts;
import io.emporium.local.MotoServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One bench run from start to end: starts moto, the counting proxy in front of it and the shop on
 * free ports (so it never meets a running {@code ./emporium up}), runs the phases while the budget
 * lasts, stops everything it started, and returns the figures.
 */
final class Bench {

  /** The phases, in order; each adds its figures to the run. */
  private static final List<Phase> PHASES =
      List.of(
          Baseline::run,
          SearchPhase::atSeedSize,
          CartSeeds::seed,
          CartPhases::addItem,
          CartPhases::read,
          CartPhases::capacity,
          Baseline::warmIdle,
          OrderCreation::run,
          Checkouts::atFiveOrdersPerSecond,
          Checkouts::sagaRates,
          MessagingCeiling::run,
          RelayPhase::run,
          Memory::afterLoad,
          SpaPhase::run,
          SearchPhase::atScale,
          StartupPhase::run);

  @FunctionalInterface
  interface Phase {
    void run(Run run) throws Exception;
  }

  private final Path root;
  private final Settings settings;
  private final Consumer<String> say;

  Bench(Path root, Settings settings, Consumer<String> say) {
    this.root = root;
    this.settings = settings;
    this.say = say;
  }

  Run run() throws java.io.IOException {
    Path state = root.resolve(".emporium/bench");
    java.nio.file.Files.createDirectories(state);
    say.accept("starting moto_server and the counting proxy in front of it");
    try (MotoServer moto = MotoServer.start(FreePorts.next(), state.resolve("moto.log"));
        CountingProxy proxy = CountingProxy.start(moto.endpoint())) {
      System.setProperty(LocalShop.FULL_JIT, Boolean.toString(settings.fullJit()));
      StackSettings stackSettings = StackSettings.isolated(root, state);
      for (String service : Run.SERVICES) {
        stackSettings =
            stackSettings.withArgs(service, "--spring.cloud.aws.credentials.access-key=" + service);
      }
      // Every shopper of the bench comes from one address: the edge's per-IP limits (WAF's in AWS)
      // would stop the load, not a script.
      stackSettings =
          stackSettings.withArgs(
              StackSettings.EDGE,
              "--emporium.edge.limits.cart-writes.per-ip.capacity=100000000",
              "--emporium.edge.limits.checkouts.per-ip.capacity=100000000");
      say.accept("starting the shop on free ports (state in " + state + ")");
      try (LocalShop stack = LocalShop.start(stackSettings, proxy.uri(), say);
          ShopClient shop = new ShopClient(stack.edgeUrl(), 256)) {
        // Ctrl-C, or a kill: stop what the bench started (close() does nothing the second time).
        Thread onExit =
            new Thread(
                () -> {
                  stack.close();
                  moto.close();
                },
                "bench-stop");
        Runtime.getRuntime().addShutdownHook(onExit);
        // The budget counts from the moment the shop is ready (its start is bounded on its own).
        Instant deadline = Instant.now().plus(settings.budget());
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        StackSettings.PROCESSES.forEach(name -> processes.put(name, stack.process(name)));
        ProcessHandle.of(moto.pid()).ifPresent(p -> processes.put("moto", p));
        postgres(stack).ifPresent(p -> processes.put("postgres", p));
        processes.put("bench", ProcessHandle.current());
        Run run =
            new Run(
                settings,
                say,
                stack,
                proxy,
                moto.endpoint(),
                shop,
                new CpuMeter(processes),
                Identities.of(shop, "b" + Long.toString(System.currentTimeMillis(), 36), say),
                deadline);
        run.facts.put(
            "motoVersion", io.emporium.bench.proc.Machine.firstLine("moto_server", "--version"));
        for (Phase phase : PHASES) {
          if (Instant.now().isAfter(deadline)) {
            say.accept("the time budget is spent: the remaining phases are skipped");
            break;
          }
          try {
            phase.run(run);
          } catch (Exception | AssertionError e) {
            say.accept("a phase failed: " + e);
            run.facts.merge("failures", e.toString(), (a, b) -> a + "; " + b);
          }
        }
        return run;
      }
    }
  }

  /** The embedded PostgreSQL's postmaster (the oldest process named postgres under this JVM). */
  private static java.util.Optional<ProcessHandle> postgres(LocalShop stack) {
    return stack.processes().stream()
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .findFirst();
  }
}
