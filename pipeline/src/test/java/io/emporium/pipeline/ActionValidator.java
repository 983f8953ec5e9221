package io.emporium.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * npm's @action-validator/cli (pinned in pipeline/lint/package-lock.json): validates a workflow
 * against the GitHub Actions schema offline. Installs the package with `npm ci` the first time.
 */
final class ActionValidator {

  private static final Path DIR = Command.REPO.resolve("pipeline/lint");

  private ActionValidator() {}

  static Command validate(Path workflow) {
    install();
    return Command.run(
        DIR,
        Map.of(),
        List.of(DIR.resolve("node_modules/.bin/action-validator").toString(), workflow.toString()));
  }

  private static synchronized void install() {
    if (Files.isExecutable(DIR.resolve("node_modules/.bin/action-validator"))) {
      return;
    }
    Command npm = Command.run(DIR, "npm", "ci", "--no-audit", "--no-fund");
    if (npm.exitCode() != 0) {
      throw new IllegalStateException("npm ci failed in " + DIR + ":\n" + npm.output());
    }
  }
}
