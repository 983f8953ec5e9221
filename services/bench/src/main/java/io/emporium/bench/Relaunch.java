package io.emporium.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service of the running stack, started again as its instance was (the JVM flags, environment and
 * arguments read from /proc) but from its extracted jar, on another port, with extra JVM options.
 *
 * @param dir where its extracted jar, AOT cache and logs go
 */
record Relaunch(String name, List<String> argv, Map<String, String> env, Path dir) {

  /** The service {@code name} as the stack runs it, relaunched from {@code dir}. */
  static Relaunch of(Run run, String name, Path dir) throws IOException {
    long pid = run.stack.serviceProcess(name).pid();
    Files.createDirectories(dir);
    return new Relaunch(name, cmdline(pid), environ(pid), dir);
  }

  Path jar() {
    return dir.resolve("app").resolve(name + ".jar");
  }

  Path cache() {
    return dir.resolve(name + ".aot");
  }

  Path log(String label) {
    return dir.resolve(label + ".log");
  }

  /** Extracts {@code fatJar} into {@link #jar()}'s folder (Spring Boot's jarmode tools). */
  Process extract(Path fatJar) throws IOException {
    return new ProcessBuilder(
            argv.get(0),
            "-Djarmode=tools",
            "-jar",
            fatJar.toString(),
            "extract",
            "--force",
            "--destination",
            dir.resolve("app").toString())
        .redirectErrorStream(true)
        .redirectOutput(log("extract").toFile())
        .start();
  }

  /** Starts it on {@code port} with {@code extra} JVM options, its output in {@code label}.log. */
  Process start(List<String> extra, int port, String label) throws IOException {
    int jarAt = argv.indexOf("-jar");
    List<String> command = new java.util.ArrayList<>(argv.subList(0, jarAt));
    command.addAll(extra);
    command.add("-jar");
    command.add(jar().toString());
    for (String arg : argv.subList(jarAt + 2, argv.size())) {
      command.add(arg.startsWith("--server.port=") ? "--server.port=" + port : arg);
    }
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(label).toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return builder.start();
  }

  /**
   * Waits for each of {@code processes} (one per relaunch, same order) to end; one that has not
   * ended within {@code within} is killed, and the run fails naming its log.
   */
  static void awaitAll(
      List<Process> processes, List<Relaunch> relaunches, String label, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      long left = Math.max(0, deadline - System.nanoTime());
      if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "the %s run of %s did not end within %d s: see %s"
                .formatted(
                    label,
                    relaunches.get(i).name(),
                    within.toSeconds(),
                    relaunches.get(i).log(label)));
      }
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
