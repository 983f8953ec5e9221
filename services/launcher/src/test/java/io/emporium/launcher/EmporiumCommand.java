package io.emporium.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./emporium <command>} as a child process, the way a developer runs it, with its own state
 * folder ({@code EMPORIUM_STATE_DIR}) and without the stale-build step (the reactor built the jars
 * just before the end-to-end tests run).
 */
final class EmporiumCommand {

  private final Path root;
  private final Path stateDir;
  private final Process process;
  private final Path output;

  private EmporiumCommand(Path root, Path stateDir, Process process, Path output) {
    this.root = root;
    this.stateDir = stateDir;
    this.process = process;
    this.output = output;
  }

  static EmporiumCommand start(Path root, Path stateDir, String... args) {
    try {
      Files.createDirectories(stateDir);
      Path output = Files.createTempFile(stateDir, "emporium-" + args[0] + "-", ".out");
      List<String> command = new ArrayList<>(List.of("bash", root.resolve("emporium").toString()));
      command.addAll(List.of(args));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().put("EMPORIUM_STATE_DIR", stateDir.toString());
      builder.environment().put("EMPORIUM_BUILD", "never");
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().remove("EMPORIUM_AWS_ENDPOINT");
      builder.environment().remove("EMPORIUM_PG_HOST");
      return new EmporiumCommand(root, stateDir, builder.start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs to the end (bounded) and returns the exit code. */
  int await(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("./emporium did not finish in " + timeout + ":\n" + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the output has a line containing {@code text}; fails if the command exits. */
  void awaitOutput(String text, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!output().contains(text)) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "./emporium exited with " + process.exitValue() + ":\n" + output());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + output());
      }
      sleep(Duration.ofMillis(500));
    }
  }

  String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      return "";
    }
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** Every process the stack recorded in its pid files, and everything below this command. */
  List<ProcessHandle> startedProcesses() {
    List<ProcessHandle> all = new ArrayList<>();
    RunDirectory run = new RunDirectory(stateDir.resolve("run"));
    run.names().forEach(name -> run.process(name).ifPresent(all::add));
    all.add(process.toHandle());
    process.toHandle().descendants().forEach(all::add);
    return all;
  }

  Path root() {
    return root;
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
