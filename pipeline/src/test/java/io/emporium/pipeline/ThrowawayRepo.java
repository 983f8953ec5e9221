package io.emporium.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A git repository in a temporary directory holding copies of some of this repository's files (so
 * the scripts see the real charts and roots), committed once as "main".
 */
record ThrowawayRepo(Path dir) {

  static final Map<String, String> GIT_IDENTITY =
      Map.of(
          "GIT_AUTHOR_NAME", "test",
          "GIT_AUTHOR_EMAIL", "test@example.com",
          "GIT_COMMITTER_NAME", "test",
          "GIT_COMMITTER_EMAIL", "test@example.com");

  /** Copies the files under {@code paths} (relative to the repository, recursively) and commits. */
  static ThrowawayRepo of(Path tmp, String... paths) {
    ThrowawayRepo repo = new ThrowawayRepo(tmp.resolve("repo"));
    try {
      Files.createDirectories(repo.dir());
      for (String path : paths) {
        Path from = Command.REPO.resolve(path);
        try (Stream<Path> files = Files.walk(from)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            String name = file.toString();
            if (name.contains("/target/")
                || name.contains("/.terraform")
                || name.contains("/node_modules/")) {
              continue;
            }
            Path to = repo.dir().resolve(Command.REPO.relativize(file).toString());
            Files.createDirectories(to.getParent());
            Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    repo.git("init", "--quiet", "--initial-branch=main");
    repo.commitAll("initial");
    return repo;
  }

  String git(String... args) {
    Command result =
        Command.run(dir, GIT_IDENTITY, Stream.concat(Stream.of("git"), Stream.of(args)).toList());
    if (result.exitCode() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + ":\n" + result.output());
    }
    return result.output();
  }

  void commitAll(String message) {
    git("add", "-A");
    git("commit", "--quiet", "--allow-empty", "-m", message);
  }

  String head() {
    return git("rev-parse", "HEAD").strip();
  }

  void write(String path, String content) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(String path) {
    try {
      return Files.readString(dir.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a pipeline/bin script inside this repository. */
  Command script(String name, String... args) {
    return script(Map.of(), name, args);
  }

  Command script(Map<String, String> env, String name, String... args) {
    return Command.run(
        dir,
        env,
        Stream.concat(Stream.of(Command.script(name).toString()), Stream.of(args)).toList());
  }

  /** Files changed in the work tree against HEAD. */
  List<String> changedFiles() {
    return git("diff", "--name-only").lines().toList();
  }

  /** The changed lines of the work tree against HEAD, as -/+ lines without the diff headers. */
  List<String> changedLines() {
    return git("diff", "-U0")
        .lines()
        .filter(
            l ->
                (l.startsWith("-") || l.startsWith("+"))
                    && !l.startsWith("---")
                    && !l.startsWith("+++"))
        .toList();
  }
}
