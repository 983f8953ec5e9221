package io.emporium.platform.local;

import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started: gently first, then forcibly. */
final class ProcessTrees {

  private ProcessTrees() {}

  static void stop(Process process) {
    ProcessHandle handle = process.toHandle();
    handle.descendants().forEach(ProcessHandle::destroy);
    handle.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
