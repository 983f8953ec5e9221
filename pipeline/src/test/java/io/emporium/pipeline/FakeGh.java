package io.emporium.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the GitHub CLI (GitHub cannot be reached from here): a `gh` first on PATH that
 * records each call's arguments, one call a line (arguments joined by " | "), and prints {@code
 * reply} (a pull request URL, or what an API query would answer).
 */
record FakeGh(Path bin, Path callLog) {

  static FakeGh in(Path tmp, String reply) {
    Path bin = tmp.resolve("fake-bin");
    Path calls = tmp.resolve("gh-calls.txt");
    try {
      Files.createDirectories(bin);
      Path gh = bin.resolve("gh");
      Files.writeString(
          gh,
          """
          #!/usr/bin/env bash
          (IFS='|'; printf '%%s\\n' "$*" | sed 's/|/ | /g') >> '%s'
          printf '%%s\\n' '%s'
          """
              .formatted(calls, reply));
      Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(calls, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FakeGh(bin, calls);
  }

  /** PATH with this gh first, the repository and GH_TOKEN as a workflow sets them. */
  Map<String, String> env() {
    return Map.of(
        "PATH", bin + ":" + System.getenv("PATH"),
        "GITHUB_REPOSITORY", "example-org/emporium",
        "GH_TOKEN", "not-a-token");
  }

  List<String> calls() {
    try {
      return Files.readAllLines(callLog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
