package io.emporium.bench;

import io.emporium.bench.proc.ProcStat;
import io.emporium.bench.report.Figure;
import io.emporium.launcher.StackSettings;
import io.emporium.local.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figure 6: each service started again beside the running stack (same JVM flags, environment and
 * arguments as its running instance, read from /proc), from the extracted jar as Spring Boot
 * recommends for CDS/AOT, without and with the JDK's AOT cache (JDK 25: a training run with {@code
 * -XX:AOTCacheOutput} that stops after the context refresh, then {@code -XX:AOTCache}): time until
 * its readiness probe answers, and RSS after a short warm-up. The {@link StartupPlan}: every
 * training run at once (they are not measured), then the measured starts one at a time.
 */
final class StartupPhase {

  private static final Duration READY_WITHIN = Duration.ofSeconds(90);
  private static final Duration TRAINED_WITHIN = Duration.ofSeconds(150);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** Requests before the RSS is read (one in 20 to the Prometheus endpoint, the rest readiness). */
  private static final int WARM_UP = 100;

  private static final String WHAT = ": start and RSS, without → with AOT cache";

  private record Started(double seconds, double rssMb, double cpuSeconds) {}

  private StartupPhase() {}

  static void run(Run run) throws Exception {
    if (!run.settings.startup()) {
      return;
    }
    StartupPlan plan =
        StartupPlan.of(StackSettings.SERVICES, Duration.between(Instant.now(), run.deadline));
    plan.skipped().forEach(service -> notMeasured(run, service));
    Path work = run.stack.settings().stateDir().resolve("startup");
    Map<String, Relaunch> services = new LinkedHashMap<>();
    Map<String, Started> without = new HashMap<>();
    for (StartupPlan.Step step : plan.steps()) {
      String name = step.services().getFirst();
      switch (step.kind()) {
        case TRAINING -> {
          for (String service : step.services()) {
            services.put(service, Relaunch.of(run, service, work.resolve(service)));
          }
          train(run, List.copyOf(services.values()));
        }
        case WITHOUT_CACHE -> {
          if (!run.fits(StartupPlan.PER_SERVICE)) {
            notMeasured(run, name);
            continue;
          }
          run.say.accept(name + ": start without and with the AOT cache");
          without.put(name, start(services.get(name), List.of(), "without"));
        }
        case WITH_CACHE -> {
          Relaunch service = services.get(name);
          if (!without.containsKey(name)) {
            continue;
          }
          Started with =
              Files.isRegularFile(service.cache())
                  ? start(service, List.of("-XX:AOTCache=" + service.cache()), "with")
                  : null;
          run.add(figure(name, without.get(name), with));
        }
      }
    }
  }

  private static void notMeasured(Run run, String service) {
    run.add(
        Figure.notMeasured(
            6, service + WHAT, "≤ 3 s, ≤ 200 MB", "the run's time budget was spent"));
  }

  private static Figure figure(String name, Started without, Started with) {
    boolean met =
        with != null
            ? with.seconds <= 3 && with.rssMb <= 200
            : without.seconds <= 3 && without.rssMb <= 200;
    return new Figure(
        6,
        name + WHAT,
        with == null
            ? "%.1f s, %.0f MB (no AOT cache was written)".formatted(without.seconds, without.rssMb)
            : "%.1f s → %.1f s, %.0f MB → %.0f MB"
                .formatted(without.seconds, with.seconds, without.rssMb, with.rssMb),
        "≤ 3 s, ≤ 200 MB",
        Figure.Verdict.of(met),
        "alone beside the running shop; extracted jar; RSS after %d requests".formatted(WARM_UP),
        met
            ? ""
            : "starting took %.1f s of CPU without and %s with the cache (the JVM's own threads: class loading, JIT, Spring's context); load average %s"
                .formatted(
                    without.cpuSeconds,
                    with == null ? "n/a" : "%.1f s".formatted(with.cpuSeconds),
                    io.emporium.bench.proc.Machine.load()));
  }

  /**
   * Extracts every jar, then runs every training run, all at once (not measured): each writes its
   * AOT cache and exits after its context refresh.
   */
  private static void train(Run run, List<Relaunch> services) throws Exception {
    run.say.accept(
        "extracting %d jars and training their AOT caches, all at once (not measured)"
            .formatted(services.size()));
    long started = System.nanoTime();
    List<Process> extracting = new ArrayList<>();
    for (Relaunch service : services) {
      extracting.add(service.extract(run.stack.settings().jar(service.name())));
    }
    Relaunch.awaitAll(extracting, services, "extract", Duration.ofSeconds(90));
    List<Process> training = new ArrayList<>();
    for (Relaunch service : services) {
      Files.deleteIfExists(service.cache());
      training.add(
          service.start(
              List.of("-XX:AOTCacheOutput=" + service.cache(), "-Dspring.context.exit=onRefresh"),
              FreePorts.next(),
              "training"));
    }
    Relaunch.awaitAll(training, services, "training", TRAINED_WITHIN);
    run.say.accept(
        "  trained in %.0f s: %s"
            .formatted(
                (System.nanoTime() - started) / 1e9,
                services.stream()
                    .map(s -> s.name() + (Files.isRegularFile(s.cache()) ? "" : " (no cache)"))
                    .toList()));
  }

  /**
   * Starts the service from its extracted jar on a free port with the running instance's flags and
   * arguments plus {@code extra}, waits for readiness, warms it up, reads its RSS and kills it (the
   * instance is thrown away: a graceful stop would only wait for its listeners' long polls).
   */
  private static Started start(Relaunch service, List<String> extra, String label)
      throws Exception {
    int port = FreePorts.next();
    long started = System.nanoTime();
    Process process = service.start(extra, port, label);
    try {
      URI ready = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
      long deadline = started + READY_WITHIN.toNanos();
      while (status(ready) != 200) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the " + label + " start was not ready: see " + service.log(label));
        }
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpu = ProcStat.cpuMillis(process.toHandle()) / 1000.0;
      URI metrics = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
      for (int i = 0; i < WARM_UP; i++) {
        status(i % 20 == 0 ? metrics : ready);
      }
      return new Started(seconds, ProcStat.rssMegabytes(process.pid()), cpu);
    } finally {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static int status(URI uri) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
