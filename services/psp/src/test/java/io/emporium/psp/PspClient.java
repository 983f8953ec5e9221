package io.emporium.psp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.platform.testing.TestPaymentProvider;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the simulator's HTTP API as a merchant would. */
final class PspClient {

  /** One answer: status, headers, body (JSON when there is one). */
  record Reply(int status, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new IllegalStateException(raw.body(), e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String contentType() {
      return header("Content-Type");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final TestPaymentProvider psp;

  PspClient(TestPaymentProvider psp) {
    this.psp = psp;
  }

  Reply authorize(String key, String token, long amountMinor, String reference) {
    String body =
        """
        {"paymentMethodToken":"%s","amount":{"amountMinor":%d,"currency":"EUR"},"reference":"%s"}
        """
            .formatted(token, amountMinor, reference);
    return post("/api/psp/v1/authorizations", key, body);
  }

  Reply operate(String paymentId, String operation, String key) {
    return post("/api/psp/v1/payments/" + paymentId + "/" + operation, key, "");
  }

  Reply post(String path, String key, String body) {
    var request =
        HttpRequest.newBuilder(psp.baseUrl().resolve(path))
            .header("Authorization", "Bearer " + psp.apiKey())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(request);
  }

  Reply get(String path) {
    return send(
        HttpRequest.newBuilder(psp.baseUrl().resolve(path))
            .header("Authorization", "Bearer " + psp.apiKey()));
  }

  Reply send(HttpRequest.Builder request) {
    try {
      var response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
