package io.emporium.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs helm/validation/validate.mjs (kubernetes-models validators plus a strict unknown-field
 * check) on manifest files; installs its pinned npm packages with `npm ci` the first time.
 */
final class ManifestValidator {

  record Result(int exitCode, String output) {}

  private static final Path DIR = Charts.helmDir().resolve("validation");

  private ManifestValidator() {}

  static Result validate(List<Path> files) {
    installPackages();
    List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
    files.forEach(f -> command.add(f.toAbsolutePath().toString()));
    return run(command);
  }

  private static synchronized void installPackages() {
    if (Files.isDirectory(DIR.resolve("node_modules"))) {
      return;
    }
    System.out.println(
        "[helm-charts] installing the manifest validator's npm packages (npm ci)...");
    Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
    System.out.println(npm.output());
    if (npm.exitCode() != 0) {
      throw new IllegalStateException("npm ci failed in " + DIR + ":\n" + npm.output());
    }
  }

  private static Result run(List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
