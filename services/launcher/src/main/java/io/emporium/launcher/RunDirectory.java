package io.emporium.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code <stateDir>/run}: a pid file per process a stack started ({@code <name>.pid}: the pid and
 * its start time, so a reused pid is never mistaken for ours) and {@code stack.properties} (ports,
 * endpoints). {@code ./emporium down} and {@code status} read them, even when the launcher died.
 */
final class RunDirectory {

  static final String STACK = "stack.properties";
  static final String LAUNCHER = "launcher";

  private final Path dir;

  RunDirectory(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  void record(String name, ProcessHandle process) {
    long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    write(dir.resolve(name + ".pid"), process.pid() + "\n" + started + "\n");
  }

  void forget(String name) {
    delete(dir.resolve(name + ".pid"));
  }

  /** The live process recorded under {@code name}, if it is still the one recorded. */
  Optional<ProcessHandle> process(String name) {
    Path file = dir.resolve(name + ".pid");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file);
      long pid = Long.parseLong(lines.get(0).trim());
      long started = lines.size() > 1 ? Long.parseLong(lines.get(1).trim()) : 0L;
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> sameStart(p, started));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Names of every recorded process (pid file), the launcher's included. */
  List<String> names() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = new ArrayList<>();
      files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".pid"))
          .forEach(f -> names.add(f.substring(0, f.length() - 4)));
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeStack(Properties stack) {
    try {
      Files.createDirectories(dir);
      try (var out = Files.newBufferedWriter(dir.resolve(STACK))) {
        stack.store(out, "the running local stack (./emporium status reads it)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<Properties> readStack() {
    Path file = dir.resolve(STACK);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (var in = Files.newBufferedReader(file)) {
      Properties stack = new Properties();
      stack.load(in);
      return Optional.of(stack);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void forgetStack() {
    delete(dir.resolve(STACK));
  }

  private static boolean sameStart(ProcessHandle process, long recordedMillis) {
    if (recordedMillis == 0L) {
      return true;
    }
    return process
        .info()
        .startInstant()
        .map(s -> Duration.between(Instant.ofEpochMilli(recordedMillis), s).abs().toMillis() < 2000)
        .orElse(true);
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
