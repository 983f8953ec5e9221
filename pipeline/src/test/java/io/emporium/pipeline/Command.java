package io.emporium.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process run to its end in a directory, with extra environment: its exit code and output. */
record Command(int exitCode, String output) {

  /** The repository's root (this module is pipeline/). */
  static final Path REPO =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().normalize();

  /** pipeline/bin/{name}. */
  static Path script(String name) {
    return REPO.resolve("pipeline/bin").resolve(name);
  }

  static Command run(Path dir, Map<String, String> env, List<String> command) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 3 min");
      }
      System.out.printf(
          "$ %s%n%s(exit %d)%n", String.join(" ", command), output, process.exitValue());
      return new Command(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Command run(Path dir, String... command) {
    return run(dir, Map.of(), List.of(command));
  }

  /** Runs and fails with the output unless it exits 0. */
  static String ok(Path dir, String... command) {
    Command result = run(dir, command);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.output());
    }
    return result.output();
  }
}
