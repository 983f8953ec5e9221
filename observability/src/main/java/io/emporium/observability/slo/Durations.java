package io.emporium.observability.slo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus durations as slo.yaml writes them: 500ms, 30s, 5m, 1h, 3d. */
public final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  public static long seconds(String duration) {
    return millis(duration) / 1000;
  }

  public static long millis(String duration) {
    Matcher m = duration == null ? null : DURATION.matcher(duration);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("not a duration (500ms, 30s, 5m, 1h, 3d): " + duration);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> n;
      case "s" -> n * 1000;
      case "m" -> n * 60_000;
      case "h" -> n * 3_600_000;
      default -> n * 86_400_000;
    };
  }
}
