package io.emporium.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a starting service's log as it grows, for the line Spring Boot writes when the application
 * failed to start. The JVM does not always exit then: a thread the failed context left behind (an
 * SQS container that had started, a client's event loop) can keep it alive with nothing serving,
 * and waiting for readiness would last the whole ready timeout.
 */
final class StartupLog {

  static final String FAILED = "Application run failed";

  private final Path log;
  private long offset;
  private String carry = "";

  /** Reads {@code log} from {@code offset} on (where the starting run's output begins). */
  StartupLog(Path log, long offset) {
    this.log = log;
    this.offset = offset;
  }

  /** True once the log, read from where the last call stopped, says the application failed. */
  boolean showsFailure() {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      if (length < offset) {
        offset = 0;
        carry = "";
      }
      byte[] fresh = new byte[(int) Math.min(length - offset, 1 << 20)];
      file.seek(offset);
      file.readFully(fresh);
      offset += fresh.length;
      String text = carry + new String(fresh, StandardCharsets.UTF_8);
      carry = text.substring(Math.max(0, text.length() - FAILED.length()));
      return text.contains(FAILED);
    } catch (IOException e) {
      return false;
    }
  }
}
