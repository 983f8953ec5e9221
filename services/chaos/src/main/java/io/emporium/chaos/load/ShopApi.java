package io.emporium.chaos.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The shopper API through the edge, as a browser calls it. Transport errors surface as IOException.
 */
final class ShopApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI edge;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ShopApi(URI edge) {
    this.edge = edge;
  }

  Answer addItem(Shopper shopper, String sku, int quantity)
      throws IOException, InterruptedException {
    return post(shopper, "/api/cart/items", Map.of("sku", sku, "quantity", quantity), Map.of());
  }

  Answer checkout(Shopper shopper, String idempotencyKey, String card)
      throws IOException, InterruptedException {
    return post(
        shopper,
        "/api/cart/checkout",
        Map.of(
            "shippingAddress",
            Map.of(
                "name", "Chaos Monkey",
                "line1", "1 Fault Line",
                "city", "Leeds",
                "postalCode", "LS1 4AP",
                "country", "GB"),
            "paymentMethodToken",
            card),
        Map.of("Idempotency-Key", idempotencyKey));
  }

  private Answer post(Shopper shopper, String path, Object body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(edge.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .header("Authorization", "Bearer " + shopper.accessToken())
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    headers.forEach(request::header);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  /** A status and body. */
  record Answer(int status, String body) {

    /** Worth asking again: the shop or something behind it is down, overloaded or limiting. */
    boolean transientFailure() {
      return status >= 500 || status == 429 || status == 408;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
