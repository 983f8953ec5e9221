package io.emporium.launcher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops processes and what they started: SIGTERM first (Spring Boot shuts down gracefully), then
 * SIGKILL after {@code grace}. Copied in spirit from the platform's package-private ProcessTrees,
 * for handles of processes this JVM did not start (found through pid files).
 */
final class Processes {

  private Processes() {}

  static void stop(ProcessHandle process, Duration grace) {
    List<ProcessHandle> tree =
        java.util.stream.Stream.concat(process.descendants(), java.util.stream.Stream.of(process))
            .toList();
    tree.forEach(ProcessHandle::destroy);
    if (!awaitExit(tree, grace)) {
      tree.forEach(ProcessHandle::destroyForcibly);
      awaitExit(tree, Duration.ofSeconds(10));
    }
  }

  /** Stops them all at once and returns when every one is gone. */
  static void stopAll(List<ProcessHandle> processes, Duration grace) {
    CompletableFuture.allOf(
            processes.stream()
                .map(p -> CompletableFuture.runAsync(() -> stop(p, grace)))
                .toArray(CompletableFuture[]::new))
        .join();
  }

  static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
    try {
      CompletableFuture.allOf(
              processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return processes.stream().noneMatch(ProcessHandle::isAlive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
