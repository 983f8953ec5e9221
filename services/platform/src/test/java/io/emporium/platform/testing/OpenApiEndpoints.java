package io.emporium.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every operation a service's OpenAPI document declares, called without a token: the way a test
 * proves that no endpoint (including one added later) slips through unauthenticated.
 */
public final class OpenApiEndpoints {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private OpenApiEndpoints() {}

  /** An operation; {@link #example()} fills its path parameters. */
  public record Endpoint(String method, String path) {

    public String example() {
      return path.replaceAll("\\{[^}]+}", "x1");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** The operations of the OpenAPI document at {@code base + docsPath}. */
  public static List<Endpoint> of(URI base, String docsPath) {
    JsonNode paths;
    try {
      paths = JSON.readTree(get(base.resolve(docsPath)).body()).path("paths");
    } catch (IOException e) {
      throw new UncheckedIOException("no OpenAPI document at " + docsPath, e);
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> {
                if (METHODS.contains(method)) {
                  endpoints.add(new Endpoint(method.toUpperCase(Locale.ROOT), path.getKey()));
                }
              });
    }
    return endpoints;
  }

  /**
   * Calls each endpoint without a token (an empty JSON object as the body of a write) and returns a
   * line for each that did NOT answer 401 problem+json with {@code WWW-Authenticate: Bearer}.
   */
  public static List<String> notRefusedWithoutToken(URI base, List<Endpoint> endpoints) {
    List<String> failures = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      HttpResponse<String> response = call(base, endpoint);
      String type = response.headers().firstValue("Content-Type").orElse("");
      String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
      if (response.statusCode() != 401
          || !type.startsWith("application/problem+json")
          || !challenge.startsWith("Bearer")) {
        failures.add(endpoint + " answered " + response.statusCode() + " " + type);
      }
    }
    return failures;
  }

  private static HttpResponse<String> call(URI base, Endpoint endpoint) {
    boolean write = !endpoint.method().equals("GET") && !endpoint.method().equals("DELETE");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(endpoint.example()))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json")
            .method(
                endpoint.method(),
                write
                    ? HttpRequest.BodyPublishers.ofString("{}")
                    : HttpRequest.BodyPublishers.noBody());
    if (write) {
      request.header("Content-Type", "application/json");
    }
    return send(request.build());
  }

  private static HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
