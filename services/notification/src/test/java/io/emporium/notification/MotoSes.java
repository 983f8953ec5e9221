package io.emporium.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.platform.testing.TestEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The emails moto's SES accepted, from {@code <endpoint>/moto-api/data.json} ({@code ses.Message[]}
 * with id, source, destinations.ToAddresses, subject and body). moto-only: LocalStack has no
 * moto-api.
 */
public final class MotoSes {

  /** One email SES accepted. */
  public record SentEmail(String id, String source, List<String> to, String subject, String body) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  public List<SentEmail> sentTo(String recipient) {
    List<SentEmail> sent = new ArrayList<>();
    for (JsonNode message : messages()) {
      List<String> to = new ArrayList<>();
      message.path("destinations").path("ToAddresses").forEach(a -> to.add(a.asText()));
      if (to.contains(recipient)) {
        sent.add(
            new SentEmail(
                message.path("id").asText(),
                message.path("source").asText(),
                to,
                message.path("subject").asText(),
                message.path("body").asText()));
      }
    }
    return sent;
  }

  private JsonNode messages() {
    URI data = TestEnvironment.aws().endpoint().resolve("/moto-api/data.json");
    try {
      var response =
          http.send(
              HttpRequest.newBuilder(data).GET().build(), HttpResponse.BodyHandlers.ofString());
      return json.readTree(response.body()).path("ses").path("Message");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + data, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
