package io.emporium.launcher;

import io.emporium.local.ProcessTrees;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The JVMs a {@link LocalShop} runs (the five services, the edge and the payment provider
 * simulator), by name: each started, stopped, killed or started again is recorded in the run
 * directory, so that {@code ./emporium down} finds what is still running.
 */
final class ServiceProcesses {

  private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
  private final ServiceCommands commands;
  private final RunDirectory run;
  private final Consumer<String> progress;

  ServiceProcesses(ServiceCommands commands, RunDirectory run, Consumer<String> progress) {
    this.commands = commands;
    this.run = run;
    this.progress = progress;
  }

  /** Starts every one of {@code names}, then waits until all are ready. */
  void startAll(List<String> names) {
    names.forEach(name -> launch(name, false));
    Readiness.awaitAll(new ArrayList<>(processes.values()), Readiness.TIMEOUT, progress);
  }

  /** Stops one process and returns once it is gone. */
  void stop(String name) {
    ServiceProcess process = named(name);
    progress.accept("stopping " + name);
    process.stop();
    run.forget(name);
  }

  /** Kills one process at once (SIGKILL). */
  void kill(String name) {
    ServiceProcess process = named(name);
    progress.accept("killing " + name + " (kill -9)");
    process.kill();
    run.forget(name);
  }

  /** Starts a stopped process again and returns once it is ready. */
  void startAgain(String name) {
    if (named(name).isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    progress.accept("starting " + name);
    launch(name, true);
    processes.get(name).awaitReady(Instant.now().plus(Readiness.TIMEOUT));
    progress.accept(name + " ready");
  }

  ProcessHandle handle(String name) {
    return named(name).handle();
  }

  /** The processes still alive. */
  List<ProcessHandle> running() {
    return processes.values().stream()
        .filter(ServiceProcess::isAlive)
        .map(ServiceProcess::handle)
        .toList();
  }

  /** Stops every process still running (a grace period each, then SIGKILL) and forgets them all. */
  void stopAll() {
    List<ProcessHandle> running = running();
    if (!running.isEmpty()) {
      progress.accept("stopping " + String.join(", ", processes.keySet()));
      ProcessTrees.stopAll(running, ServiceProcess.STOP_GRACE);
    }
    processes.keySet().forEach(run::forget);
  }

  private void launch(String name, boolean again) {
    ServiceProcess process = commands.process(name);
    processes.put(name, process);
    run.record(name, process.start(again));
  }

  private ServiceProcess named(String name) {
    ServiceProcess process = processes.get(name);
    if (process == null) {
      throw new IllegalArgumentException("no service '" + name + "' in this shop");
    }
    return process;
  }
}
