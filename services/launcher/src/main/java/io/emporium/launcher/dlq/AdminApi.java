package io.emporium.launcher.dlq;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.emporium.platform.deadletters.FailureRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The consuming service's admin API, as the command reads it: failure reasons by SQS message id
 * ({@code GET /api/<service>/admin/messages/failures?messageId=…}), with an admin's access token
 * when one is given ({@code EMPORIUM_ADMIN_TOKEN}). On-call needs no database access.
 */
final class AdminApi {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final URI base;
  private final String token;

  AdminApi(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /**
   * The failure records {@code service} kept for {@code messageIds}, by message id.
   *
   * @throws AdminApiException when the API cannot be reached or refuses
   */
  Map<String, FailureRecord> failures(String service, Collection<String> messageIds) {
    Map<String, FailureRecord> found = new HashMap<>();
    List<String> ids = new ArrayList<>(messageIds);
    for (int from = 0; from < ids.size(); from += 50) {
      String query =
          ids.subList(from, Math.min(ids.size(), from + 50)).stream()
              .map(id -> "messageId=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      String body = get("/api/" + service + "/admin/messages/failures?" + query);
      try {
        List<FailureRecord> records = JSON.readValue(body, new TypeReference<>() {});
        records.forEach(r -> found.put(r.messageId(), r));
      } catch (IOException e) {
        throw new AdminApiException("the admin API answered something else than failures: " + e);
      }
    }
    return found;
  }

  private String get(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET();
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AdminApiException(
            base.resolve(path).getPath()
                + " answered "
                + response.statusCode()
                + (response.statusCode() == 401 || response.statusCode() == 403
                    ? " (set EMPORIUM_ADMIN_TOKEN to an admin's access token)"
                    : ""));
      }
      return response.body();
    } catch (IOException e) {
      throw new AdminApiException("cannot reach the admin API at " + base + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdminApiException("interrupted");
    }
  }

  /** The admin API could not answer; the command prints this instead of the reasons. */
  static final class AdminApiException extends RuntimeException {
    AdminApiException(String message) {
      super(message);
    }
  }
}
