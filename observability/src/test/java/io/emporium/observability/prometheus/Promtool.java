package io.emporium.observability.prometheus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's promtool ({@code apt-get install prometheus}; .ci/run installs it): {@code promtool test
 * rules} and {@code check rules}.
 */
final class Promtool {

  record Result(int exitCode, String output) {}

  private Promtool() {}

  static Result run(String... args) {
    String binary = binary();
    try {
      List<String> command = new java.util.ArrayList<>(List.of(binary));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("promtool did not finish: " + List.of(args));
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String binary() {
    for (String candidate : List.of("/usr/bin/promtool", "/usr/local/bin/promtool")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "promtool not found: install Debian's prometheus package (apt-get install -y prometheus);"
            + " .ci/run does it for CI");
  }
}
