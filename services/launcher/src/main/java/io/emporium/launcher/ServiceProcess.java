package io.emporium.launcher;

import static java.nio.file.StandardOpenOption.APPEND;

import io.emporium.local.ProcessTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One Spring Boot jar run as its own JVM, logging to a file, ready when its readiness probe says
 * so.
 */
final class ServiceProcess {

  static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final String name;
  private final int port;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private volatile Process process;
  private volatile StartupLog startupLog;

  ServiceProcess(
      String name, int port, List<String> command, Map<String, String> environment, Path log) {
    this.name = name;
    this.port = port;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.log = log;
  }

  String name() {
    return name;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Starts the process with a fresh log. */
  ProcessHandle start() {
    return start(false);
  }

  /**
   * Starts the process; {@code again}: a restart (after a crash or a kill), whose output goes on
   * after a marker in the log of the runs before, which keeps what led to the crash.
   */
  ProcessHandle start(boolean again) {
    try {
      Files.createDirectories(log.getParent());
      long offset = 0;
      if (again && Files.exists(log)) {
        Files.writeString(
            log, "\n----- " + name + " restarted at " + Instant.now() + " -----\n", APPEND);
        offset = Files.size(log);
      } else {
        Files.writeString(log, "");
      }
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
      startupLog = new StartupLog(log, offset);
      return process.toHandle();
    } catch (IOException e) {
      throw new LaunchException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /** Waits until the readiness probe answers 200; fails with the log's tail when it cannot. */
  void awaitReady(Instant deadline) {
    while (!ready()) {
      if (Instant.now().isAfter(deadline)) {
        throw notReady();
      }
      Readiness.sleep(Duration.ofMillis(250));
    }
  }

  /**
   * True once the readiness probe answers 200. Fails with the log's tail at once if the JVM exited,
   * or if its application failed to start while the JVM lingers (then it is killed).
   */
  boolean ready() {
    if (!process.isAlive()) {
      throw new LaunchException(
          name
              + " exited with "
              + process.exitValue()
              + " while starting; "
              + log
              + " ends with:\n"
              + tail(40));
    }
    if (startupLog.showsFailure()) {
      kill();
      throw new LaunchException(
          name
              + " failed to start (\""
              + StartupLog.FAILED
              + "\"; its JVM did not exit and was killed); "
              + log
              + " ends with:\n"
              + tail(40));
    }
    return Readiness.answers(url().resolve("/actuator/health/readiness"));
  }

  LaunchException notReady() {
    return new LaunchException(
        name + " was not ready in time; " + log + " ends with:\n" + tail(40));
  }

  void kill() {
    if (process != null) {
      ProcessHandle handle = process.toHandle();
      handle.descendants().forEach(ProcessHandle::destroyForcibly);
      handle.destroyForcibly();
      ProcessTrees.awaitExit(List.of(handle), Duration.ofSeconds(10));
    }
  }

  void stop() {
    if (process != null) {
      ProcessTrees.stop(process.toHandle(), STOP_GRACE);
    }
  }

  /** The last {@code lines} lines of the log. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log at " + log + ")";
    }
  }
}
