package io.emporium.launcher.dlq;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT1H}). */
final class Durations implements ITypeConverter<Duration> {

  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  @Override
  public Duration convert(String value) {
    Matcher m = SHORT.matcher(value.trim());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(value.trim());
    } catch (RuntimeException e) {
      throw new TypeConversionException("'" + value + "' is not a duration (30s, 10m, 2h, 1d)");
    }
  }

  /** A rate: {@code 5} or {@code 5/s} messages a second. */
  static final class Rate implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String number = value.trim().endsWith("/s") ? value.trim().replace("/s", "") : value.trim();
      try {
        double rate = Double.parseDouble(number);
        if (rate < 0) {
          throw new NumberFormatException();
        }
        return rate;
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a rate (5 or 5/s)");
      }
    }
  }
}
