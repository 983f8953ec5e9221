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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figure 6: each service started alone beside the running stack (same JVM flags, environment and
 * arguments as its running instance, read from /proc), from the extracted jar as Spring Boot
 * recommends for CDS/AOT, without and with the JDK's AOT cache (JDK 25: a training run with {@code
 * -XX:AOTCacheOutput} that stops after the context refresh, then {@code -XX:AOTCache}): time until
 * its readiness probe answers, and RSS after a short warm-up.
 */
final class StartupPhase {

  private static final Duration READY_WITHIN = Duration.ofSeconds(90);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private record Started(double seconds, double rssMb, double cpuSeconds) {}

  private StartupPhase() {}

  static void run(Run run) throws Exception {
    if (!run.settings.startup()) {
      return;
    }
    Path work = run.stack.settings().stateDir().resolve("startup");
    for (String service : StackSettings.SERVICES) {
      if (!run.fits(Duration.ofSeconds(45))) {
        run.add(
            Figure.notMeasured(
                6,
                service + ": start, without / with AOT cache",
                "≤ 3 s",
                "the run's time budget was spent"));
        continue;
      }
      run.say.accept(service + ": start without and with the AOT cache");
      long pid = run.stack.serviceProcess(service).pid();
      List<String> argv = cmdline(pid);
      Map<String, String> env = environ(pid);
      Path dir = work.resolve(service);
      Path jar = extract(run, argv, dir, service);
      Path cache = dir.resolve(service + ".aot");
      Files.deleteIfExists(cache);
      start(
          argv,
          env,
          jar,
          dir,
          List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh"),
          "training",
          false);
      Started without = start(argv, env, jar, dir, List.of(), "without", true);
      Started with =
          Files.isRegularFile(cache)
              ? start(argv, env, jar, dir, List.of("-XX:AOTCache=" + cache), "with", true)
              : null;
      boolean met =
          with != null
              ? with.seconds <= 3 && with.rssMb <= 200
              : without.seconds <= 3 && without.rssMb <= 200;
      run.add(
          new Figure(
              6,
              service + ": start and RSS, without → with AOT cache",
              with == null
                  ? "%.1f s, %.0f MB (no AOT cache was written)"
                      .formatted(without.seconds, without.rssMb)
                  : "%.1f s → %.1f s, %.0f MB → %.0f MB"
                      .formatted(without.seconds, with.seconds, without.rssMb, with.rssMb),
              "≤ 3 s, ≤ 200 MB",
              Figure.Verdict.of(met),
              "alone beside the running shop; extracted jar; RSS after 200 requests",
              met
                  ? ""
                  : "starting took %.1f s of CPU without and %s with the cache (the JVM's own threads: class loading, JIT, Spring's context); load average %s"
                      .formatted(
                          without.cpuSeconds,
                          with == null ? "n/a" : "%.1f s".formatted(with.cpuSeconds),
                          io.emporium.bench.proc.Machine.load())));
    }
  }

  private static Path extract(Run run, List<String> argv, Path dir, String service)
      throws Exception {
    Path fat = run.stack.settings().jar(service);
    Files.createDirectories(dir);
    Path extracted = dir.resolve("app");
    if (!Files.isRegularFile(extracted.resolve(service + ".jar"))) {
      Process p =
          new ProcessBuilder(
                  argv.get(0),
                  "-Djarmode=tools",
                  "-jar",
                  fat.toString(),
                  "extract",
                  "--force",
                  "--destination",
                  extracted.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("extract.log").toFile())
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "cannot extract " + fat + ": see " + dir.resolve("extract.log"));
      }
    }
    return extracted.resolve(service + ".jar");
  }

  /**
   * Starts the service from {@code jar} on a free port with the running instance's flags and
   * arguments plus {@code extra}; when {@code measure}, waits for readiness, warms it up, reads its
   * RSS and stops it, else waits for it to exit (a training run).
   */
  private static Started start(
      List<String> argv,
      Map<String, String> env,
      Path jar,
      Path dir,
      List<String> extra,
      String label,
      boolean measure)
      throws Exception {
    int jarAt = argv.indexOf("-jar");
    int port = FreePorts.next();
    List<String> command = new ArrayList<>(argv.subList(0, jarAt));
    command.addAll(extra);
    command.add("-jar");
    command.add(jar.toString());
    for (String arg : argv.subList(jarAt + 2, argv.size())) {
      command.add(arg.startsWith("--server.port=") ? "--server.port=" + port : arg);
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(label + ".log").toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      if (!measure) {
        if (!process.waitFor(READY_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException(
              "the " + label + " run did not end: see " + dir.resolve(label + ".log"));
        }
        return new Started((System.nanoTime() - started) / 1e9, 0, 0);
      }
      URI ready = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
      long deadline = started + READY_WITHIN.toNanos();
      while (status(ready) != 200) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the " + label + " start was not ready: see " + dir.resolve(label + ".log"));
        }
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpu = ProcStat.cpuMillis(process.toHandle()) / 1000.0;
      URI metrics = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
      for (int i = 0; i < 200; i++) {
        status(i % 20 == 0 ? metrics : ready);
      }
      return new Started(seconds, ProcStat.rssMegabytes(process.pid()), cpu);
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
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

  static List<String> cmdline(long pid) throws IOException {
    String raw =
        Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
    return Arrays.asList(raw.split("\0"));
  }

  static Map<String, String> environ(long pid) throws IOException {
    Map<String, String> env = new HashMap<>();
    for (String entry :
        Files.readString(Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.UTF_8)
            .split("\0")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        env.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return env;
  }
}
