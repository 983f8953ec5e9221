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
import java.util.Map;
import java.util.function.Consumer;

/**
 * One bench run from start to end: starts moto, the counting proxy in front of it and the shop on
 * free ports (so it never meets a running {@code ./emporium up}), runs the phases while the budget
 * lasts, stops everything it started, and returns the figures.
 */
final class Bench {

  private final Path root;
  private final Settings settings;
  private final Consumer<String> say;
  private final java.util.function.Predicate<String> runs;

  /** A bench that runs the phases {@code runs} accepts (by name, see {@link Phases#ALL}). */
  Bench(
      Path root,
      Settings settings,
      Consumer<String> say,
      java.util.function.Predicate<String> runs) {
    this.root = root;
    this.settings = settings;
    this.say = say;
    this.runs = runs;
  }

  Run run() throws java.io.IOException {
    // The budget counts from here: the shop's start is part of the run.
    Instant deadline = Instant.now().plus(settings.budget());
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
      long shopStarting = System.nanoTime();
      try (LocalShop stack =
              LocalShop.start(
                  stackSettings, Map.of("EMPORIUM_AWS_ENDPOINT", proxy.uri().toString()), say);
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
        StringBuilder took =
            new StringBuilder(
                "shop start %.0f s".formatted((System.nanoTime() - shopStarting) / 1e9));
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        StackSettings.PROCESSES.forEach(name -> processes.put(name, stack.serviceProcess(name)));
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
            "motoVersion",
            ProcessHandle.of(moto.pid())
                .flatMap(p -> p.info().command())
                .map(
                    python ->
                        io.emporium.bench.proc.Machine.firstLine(
                            python, "-c", "import moto; print('moto ' + moto.__version__)"))
                .orElse("moto"));
        var loads = new java.util.concurrent.ConcurrentLinkedQueue<Double>();
        var sampler =
            reactor.core.publisher.Flux.interval(java.time.Duration.ofSeconds(15))
                .subscribe(
                    tick ->
                        loads.add(
                            Double.parseDouble(
                                io.emporium.bench.proc.Machine.load().split(" ")[0])));
        for (Phases.Phase phase : Phases.ALL) {
          if (!runs.test(phase.name())) {
            continue;
          }
          if (!phase.fitsItself() && !run.fits(phase.expected().apply(settings))) {
            say.accept("the time budget is spent: phase " + phase.name() + " is skipped");
            run.add(
                io.emporium.bench.report.Figure.notMeasured(
                    phase.section(),
                    "phase " + phase.name(),
                    "",
                    "the run's time budget was spent"));
            continue;
          }
          long phaseStarted = System.nanoTime();
          try {
            phase.body().run(run);
          } catch (Exception | AssertionError e) {
            say.accept("a phase failed: " + e);
            run.facts.merge("failures", e.toString(), (a, b) -> a + "; " + b);
          }
          double seconds = (System.nanoTime() - phaseStarted) / 1e9;
          say.accept("(%s took %.0f s)".formatted(phase.name(), seconds));
          took.append(", %s %.0f s".formatted(phase.name(), seconds));
        }
        run.facts.put("phaseTimes", took.toString());
        sampler.dispose();
        // The shop and its emulator are thrown away: killed, not stopped (a graceful stop waits for
        // every listener's long poll, about 20 s, and moto may sit out its 5 s of grace).
        StackSettings.PROCESSES.forEach(stack::killService);
        ProcessHandle.of(moto.pid()).ifPresent(ProcessHandle::destroyForcibly);
        run.facts.put(
            "loadDuring",
            "mean %.1f, max %.1f (%d samples, one every 15 s)"
                .formatted(
                    loads.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    loads.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    loads.size()));
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
