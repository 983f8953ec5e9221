package io.emporium.terraform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The terraform CLI in one working directory, offline: providers from the machine's mirror, data
 * (modules, providers, plugin cache) under target/ so runs are isolated. Output is streamed to the
 * test log line by line, prefixed with the directory's name.
 */
final class Terraform {

  static final Path MODULE_DIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  static final Path TARGET = MODULE_DIR.resolve("target");
  private static final long TIMEOUT_MINUTES = 10;

  private static Path cliConfig;

  private final Path dir;
  private final Path dataDir;
  private final String label;

  private Terraform(Path dir, Path dataDir) {
    this.dir = dir;
    this.dataDir = dataDir;
    this.label = MODULE_DIR.relativize(dir).toString();
  }

  /** Terraform in {@code dir}, its data dir {@code target/tf-data/<name>}. */
  static Terraform in(Path dir, String name) {
    return new Terraform(dir, TARGET.resolve("tf-data").resolve(name));
  }

  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code terraform <args>} and returns its exit code and combined output. */
  Result run(String... args) {
    List<String> command = new ArrayList<>(List.of("terraform"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("TF_CLI_CONFIG_FILE", cliConfig().toString());
    env.put("TF_DATA_DIR", dataDir.toString());
    // Providers are symlinked from the mirror: no plugin cache (which is not safe for concurrent
    // inits).
    env.remove("TF_PLUGIN_CACHE_DIR");
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    env.put("CHECKPOINT_DISABLE", "1");
    long start = System.nanoTime();
    log("$ terraform " + String.join(" ", args));
    try {
      Process process = builder.start();
      StringBuilder output = new StringBuilder();
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          output.append(line).append('\n');
          log(line);
        }
      }
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "terraform " + args[0] + " did not finish in " + TIMEOUT_MINUTES + " min");
      }
      log(
          "terraform %s exited %d after %d s"
              .formatted(
                  args[0], process.exitValue(), (System.nanoTime() - start) / 1_000_000_000));
      return new Result(process.exitValue(), output.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run terraform (is it on PATH?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Runs and fails with terraform's output unless it exits 0. */
  String ok(String... args) {
    Result result = run(args);
    if (!result.ok()) {
      throw new AssertionError(
          "terraform "
              + String.join(" ", args)
              + " in "
              + label
              + " exited "
              + result.exitCode()
              + ":\n"
              + result.output());
    }
    return result.output();
  }

  Path dir() {
    return dir;
  }

  private void log(String line) {
    // show -json prints the whole plan on one line: keep the log readable.
    String shown =
        line.length() > 400 ? line.substring(0, 400) + " ... (" + line.length() + " chars)" : line;
    System.out.println("[terraform " + label + "] " + shown);
  }

  private static synchronized Path cliConfig() {
    if (cliConfig == null) {
      cliConfig =
          PluginMirror.writeCliConfig(PluginMirror.find(), TARGET.resolve("terraform-cli.tfrc"));
    }
    return cliConfig;
  }
}
