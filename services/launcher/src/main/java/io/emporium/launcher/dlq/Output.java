package io.emporium.launcher.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.emporium.platform.deadletters.ReplayProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Human tables on stdout, or JSON for scripts; progress lines on stderr. */
final class Output {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private long lastProgress;

  Output(PrintWriter out, PrintWriter err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  boolean json() {
    return json;
  }

  void line(String text) {
    if (!json) {
      out.println(text);
      out.flush();
    }
  }

  void json(Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Columns padded to their widest cell. */
  void table(List<String> headers, List<List<String>> rows) {
    int[] widths = new int[headers.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(headers);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  /** At most one progress line a second on stderr (and the last one). */
  void progress(ReplayProgress progress) {
    long now = System.currentTimeMillis();
    if (progress.note() == null && now - lastProgress < 1_000) {
      return;
    }
    lastProgress = now;
    err.printf(
        "[dlq] %s%d of %d moved%s%n",
        progress.note() == null ? "" : progress.note() + ": ",
        progress.moved(),
        progress.snapshot(),
        progress.failedAgain() > 0 ? ", " + progress.failedAgain() + " failed again" : "");
    err.flush();
  }

  void warn(String text) {
    err.println("[dlq] " + text);
    err.flush();
  }

  static String text(Object value) {
    return value == null ? "-" : value.toString();
  }

  static String age(Duration age) {
    if (age == null) {
      return "-";
    }
    long s = age.toSeconds();
    return s < 120
        ? s + "s"
        : s < 7_200 ? s / 60 + "m" : s < 172_800 ? s / 3_600 + "h" : s / 86_400 + "d";
  }

  static String time(Instant at) {
    return at == null ? "-" : at.toString().replaceFirst("\\.\\d+Z$", "Z");
  }

  private static String pad(String value, int width) {
    return value.length() >= width ? value : value + " ".repeat(width - value.length());
  }
}
