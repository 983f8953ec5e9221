package io.emporium.bench;

import java.io.IOException;
import java.util.List;

/** Pauses and resumes processes (SIGSTOP / SIGCONT): a paused JVM keeps its state and its work. */
final class Signals {

  private Signals() {}

  static void pause(List<ProcessHandle> processes) {
    send("-STOP", processes);
  }

  static void resume(List<ProcessHandle> processes) {
    send("-CONT", processes);
  }

  private static void send(String signal, List<ProcessHandle> processes) {
    for (ProcessHandle process : processes) {
      try {
        new ProcessBuilder("kill", signal, Long.toString(process.pid()))
            .inheritIO()
            .start()
            .waitFor();
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot signal " + process.pid() + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
