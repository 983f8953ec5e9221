package io.emporium.launcher;

import io.emporium.local.FreePorts;
import io.emporium.local.ProcessTrees;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code ./emporium down}: asks a running {@code up} to stop (it stops what it started), then stops
 * whatever its pid files still name (a launcher that died), and waits until its ports are free.
 */
final class Stopping {

  private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(90);
  private static final Duration PORTS_FREE = Duration.ofSeconds(30);

  private Stopping() {}

  static void down(StackSettings settings, Consumer<String> progress) {
    RunDirectory run = new RunDirectory(settings.runDir());
    List<Integer> ports = recordedPorts(run, settings);
    Optional<ProcessHandle> launcher = run.process(RunDirectory.LAUNCHER);
    if (launcher.isPresent()) {
      progress.accept("stopping ./emporium up (pid " + launcher.get().pid() + ")");
      launcher.get().destroy();
      if (!ProcessTrees.awaitExit(List.of(launcher.get()), LAUNCHER_GRACE)) {
        launcher.get().destroyForcibly();
      }
    }
    List<ProcessHandle> leftovers = new ArrayList<>();
    for (String name : run.names()) {
      run.process(name).ifPresent(leftovers::add);
    }
    if (!leftovers.isEmpty()) {
      progress.accept("stopping " + leftovers.size() + " process(es) left by a launcher that died");
      ProcessTrees.stopAll(leftovers, ServiceProcess.STOP_GRACE);
    }
    if (launcher.isEmpty() && leftovers.isEmpty()) {
      progress.accept("nothing was running (" + settings.runDir() + ")");
    }
    run.names().forEach(run::forget);
    run.forgetStack();
    awaitFree(ports, progress);
  }

  private static List<Integer> recordedPorts(RunDirectory run, StackSettings settings) {
    return run.readStack()
        .map(
            stack ->
                settings.ports().all().keySet().stream()
                    .map(name -> stack.getProperty(name + ".port"))
                    .filter(p -> p != null)
                    .map(Integer::parseInt)
                    .toList())
        .orElse(List.of());
  }

  private static void awaitFree(List<Integer> ports, Consumer<String> progress) {
    Instant deadline = Instant.now().plus(PORTS_FREE);
    List<Integer> taken = ports;
    while (!(taken = ports.stream().filter(p -> !FreePorts.isFree(p)).toList()).isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new LaunchException("ports still taken after stopping: " + taken);
      }
      Readiness.sleep(Duration.ofMillis(200));
    }
    if (!ports.isEmpty()) {
      progress.accept("stopped; ports " + ports + " are free");
    }
  }
}
