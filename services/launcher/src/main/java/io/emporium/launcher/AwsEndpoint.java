package io.emporium.launcher;

import io.emporium.local.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the stack's AWS APIs answer: {@code EMPORIUM_AWS_ENDPOINT} when set; else a LocalStack
 * already answering on the AWS port (docker compose in localstack/); else a moto_server the stack
 * starts and stops itself.
 */
record AwsEndpoint(URI uri, String description, MotoServer moto) implements AutoCloseable {

  static final String ENV = "EMPORIUM_AWS_ENDPOINT";
  static final String LOCALSTACK = "LocalStack";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** An endpoint the stack does not own, if there is one. */
  static Optional<AwsEndpoint> existing(int port, Map<String, String> env) {
    String configured = env.get(ENV);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(
          new AwsEndpoint(URI.create(configured.trim()), "configured (" + ENV + ")", null));
    }
    URI local = URI.create("http://127.0.0.1:" + port);
    if (isLocalStack(local)) {
      return Optional.of(new AwsEndpoint(local, LOCALSTACK, null));
    }
    return Optional.empty();
  }

  static AwsEndpoint startMoto(int port, Path log) {
    try {
      MotoServer moto = MotoServer.start(port, log);
      return new AwsEndpoint(moto.endpoint(), "moto_server (started)", moto);
    } catch (IllegalStateException e) {
      throw new LaunchException(
          e.getMessage()
              + " — install moto >= 5.2 (python3 -m pip install 'moto[server]'),"
              + " or run LocalStack (docker compose -f localstack/docker-compose.yml up -d)",
          e);
    }
  }

  static boolean isLocalStack(URI endpoint) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(endpoint.resolve("/_localstack/health"))
                  .timeout(Duration.ofSeconds(2))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"services\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  Optional<ProcessHandle> process() {
    return moto == null ? Optional.empty() : ProcessHandle.of(moto.pid());
  }

  @Override
  public void close() {
    if (moto != null) {
      moto.close();
    }
  }
}
