package io.emporium.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Stops a process and everything it started: SIGTERM first (Spring Boot and moto shut down
 * gracefully), then SIGKILL after a grace period. Works for processes this JVM started and for ones
 * found through pid files (the launcher's {@code ./emporium down}).
 */
public final class ProcessTrees {

  private ProcessTrees() {}

  static void stop(Process process) {
    stop(process.toHandle(), Duration.ofSeconds(5));
  }

  public static void stop(ProcessHandle process, Duration grace) {
    List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process)).toList();
    tree.forEach(ProcessHandle::destroy);
    if (!awaitExit(tree, grace)) {
      tree.forEach(ProcessHandle::destroyForcibly);
      awaitExit(tree, Duration.ofSeconds(10));
    }
  }

  /** Stops them all at once and returns when every one is gone. */
  public static void stopAll(List<ProcessHandle> processes, Duration grace) {
    CompletableFuture.allOf(
            processes.stream()
                .map(p -> CompletableFuture.runAsync(() -> stop(p, grace)))
                .toArray(CompletableFuture[]::new))
        .join();
  }

  public static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
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
