package io.emporium.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Waiting for local processes to be ready: a probe that answers 200, and the wait for a group of
 * {@link ServiceProcess}es with a note every 15 s of those still starting.
 */
final class Readiness {

  /**
   * How long each JVM may take to be ready: 180 s, or -Demporium.ready-timeout-seconds, or
   * EMPORIUM_READY_TIMEOUT seconds.
   */
  static final Duration TIMEOUT =
      Duration.ofSeconds(
          Long.getLong(
              "emporium.ready-timeout-seconds",
              Long.parseLong(
                  System.getenv().getOrDefault("EMPORIUM_READY_TIMEOUT", "180").trim())));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private Readiness() {}

  /**
   * Waits until every one of {@code waiting} is ready; fails with the first that is not in time.
   */
  static void awaitAll(List<ServiceProcess> waiting, Duration timeout, Consumer<String> progress) {
    Instant started = Instant.now();
    Instant deadline = started.plus(timeout);
    Instant nextNote = started.plusSeconds(15);
    List<ServiceProcess> pending = new ArrayList<>(waiting);
    while (!pending.isEmpty()) {
      for (ServiceProcess service : List.copyOf(pending)) {
        if (service.ready()) {
          pending.remove(service);
          progress.accept(service.name() + " ready (" + seconds(started) + ")");
        }
      }
      if (pending.isEmpty()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw pending.getFirst().notReady();
      }
      if (Instant.now().isAfter(nextNote)) {
        nextNote = Instant.now().plusSeconds(15);
        List<String> names = pending.stream().map(ServiceProcess::name).toList();
        progress.accept("waiting for " + String.join(", ", names) + " (" + seconds(started) + ")");
      }
      sleep(Duration.ofMillis(250));
    }
  }

  private static String seconds(Instant since) {
    return "%.1f s".formatted(Duration.between(since, Instant.now()).toMillis() / 1000.0);
  }

  static boolean answers(URI uri) {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted", e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted", e);
    }
  }
}
