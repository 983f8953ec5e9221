package io.emporium.observability.slo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * observability/slo.yaml: the objectives, the burn-rate alerts every objective gets, and the
 * dead-letter alert. Everything observability generates is derived from it.
 */
public record SloFile(
    int version,
    String window,
    String runbookBaseUrl,
    List<BurnAlert> alerts,
    List<Slo> slos,
    DeadLetters deadLetters) {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public SloFile {
    alerts = List.copyOf(alerts);
    slos = List.copyOf(slos);
    Durations.seconds(window);
    if (runbookBaseUrl == null
        || !runbookBaseUrl.startsWith("https://")
        || !runbookBaseUrl.endsWith("/")) {
      throw new IllegalArgumentException(
          "runbookBaseUrl must be an https URL ending in /: " + runbookBaseUrl);
    }
  }

  /** Where on-call opens an alert's runbook: the base URL and {@link Runbooks#path}. */
  public String runbookUrl(String alertName) {
    return runbookBaseUrl + Runbooks.path(alertName);
  }

  public static SloFile load(Path file) {
    try {
      return YAML.readValue(file.toFile(), SloFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public Slo slo(String name) {
    return slos.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no SLO " + name));
  }

  /** Every rate window the alerts use, shortest first. */
  public List<String> rateWindows() {
    return alerts.stream()
        .flatMap(a -> a.windows().stream())
        .flatMap(w -> java.util.stream.Stream.of(w.longWindow(), w.shortWindow()))
        .distinct()
        .sorted(java.util.Comparator.comparingLong(Durations::seconds))
        .toList();
  }

  /** The alert with no budget: a message reached a DLQ. */
  public record DeadLetters(
      String alert, String title, String description, String metric, String severity) {}
}
