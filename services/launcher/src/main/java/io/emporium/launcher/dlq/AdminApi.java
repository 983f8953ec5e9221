package io.emporium.launcher.dlq;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.emporium.platform.deadletters.OutboxLetters.OutboxListing;
import io.emporium.platform.deadletters.OutboxLetters.OutboxReplayReport;
import io.emporium.platform.messaging.inbox.MessageFailure;
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
 * A service's admin API, as the command reads it: failure reasons by SQS message id ({@code GET
 * /api/<service>/admin/messages/failures?messageId=…}) and the dead letters of its outbox ({@code
 * /api/<service>/admin/messages/outbox/dead-letters}), with an admin's access token when one is
 * given ({@code EMPORIUM_ADMIN_TOKEN}). On-call needs no database access.
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
  Map<String, MessageFailure> failures(String service, Collection<String> messageIds) {
    Map<String, MessageFailure> found = new HashMap<>();
    List<String> ids = new ArrayList<>(messageIds);
    for (int from = 0; from < ids.size(); from += 50) {
      String query =
          ids.subList(from, Math.min(ids.size(), from + 50)).stream()
              .map(id -> "messageId=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      String body = get("/api/" + service + "/admin/messages/failures?" + query);
      try {
        List<MessageFailure> records = JSON.readValue(body, new TypeReference<>() {});
        records.forEach(r -> found.put(r.messageId(), r));
      } catch (IOException e) {
        throw new AdminApiException("the admin API answered something else than failures: " + e, 0);
      }
    }
    return found;
  }

  /** How many dead letters {@code service}'s outbox holds, the oldest, and up to {@code max}. */
  OutboxListing outbox(String service, int max) {
    return read(get(outboxPath(service) + "?max=" + max), OutboxListing.class);
  }

  /** Puts the dead letters {@code replay} names back to pending (or, dry, says which it would). */
  OutboxReplayReport replayOutbox(String service, Map<String, Object> replay) {
    try {
      String body = JSON.writeValueAsString(replay);
      return read(
          send(
              outboxPath(service) + "/replay",
              HttpRequest.newBuilder()
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))),
          OutboxReplayReport.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String outboxPath(String service) {
    return "/api/"
        + URLEncoder.encode(service, StandardCharsets.UTF_8)
        + "/admin/messages/outbox/dead-letters";
  }

  private static <T> T read(String body, Class<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (IOException e) {
      throw new AdminApiException(
          "the admin API answered something else than " + type.getSimpleName() + ": " + e, 0);
    }
  }

  private String get(String path) {
    return send(path, HttpRequest.newBuilder().GET());
  }

  private String send(String path, HttpRequest.Builder request) {
    request.uri(base.resolve(path)).timeout(Duration.ofSeconds(30));
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
                    : detail(response.body())),
            response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new AdminApiException("cannot reach the admin API at " + base + ": " + e, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdminApiException("interrupted", 0);
    }
  }

  /**
   * The admin API could not answer: the command prints this instead of the reasons, or fails with
   * it.
   */
  static final class AdminApiException extends RuntimeException {

    private final int status;

    AdminApiException(String message, int status) {
      super(message);
      this.status = status;
    }

    /** The HTTP status it answered, 0 when it could not be reached. */
    int status() {
      return status;
    }
  }

  /** The {@code detail} of a problem+json answer, for the one-line error. */
  private static String detail(String body) {
    try {
      String detail = JSON.readTree(body).path("detail").asText("");
      return detail.isBlank() ? "" : ": " + detail;
    } catch (IOException notJson) {
      return "";
    }
  }
}
