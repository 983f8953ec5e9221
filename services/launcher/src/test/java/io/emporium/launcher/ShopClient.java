package io.emporium.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.local.AwsClients;
import io.emporium.local.LocalCognito;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A demo user of {@code ./emporium up} talking to the edge, as the SPA will: signed in to the pool
 * that {@code /config.json} names, with the password {@code up} printed.
 */
final class ShopClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern DEMO_USER =
      Pattern.compile("\\[emporium]\\s+(shopper|admin)\\s+(\\S+)\\s+password (\\S+)");

  private final URI edge;
  private final String accessToken;

  private ShopClient(URI edge, String accessToken) {
    this.edge = edge;
    this.accessToken = accessToken;
  }

  /** Signs in as the demo user of {@code role} ("shopper", "admin") that {@code upOutput} lists. */
  static ShopClient demoUser(URI edge, String upOutput, String role) {
    Matcher user = DEMO_USER.matcher(upOutput);
    while (user.find()) {
      if (user.group(1).equals(role)) {
        JsonNode config =
            new ShopClient(edge, null).send("GET", "/config.json", null, Map.of(), 200);
        URI cognito = URI.create(config.path("cognitoEndpoint").asText());
        try (LocalCognito pool = new LocalCognito(AwsClients.emulator(cognito))) {
          String token =
              pool.signIn(config.path("clientId").asText(), user.group(2), user.group(3))
                  .accessToken();
          return new ShopClient(edge, token);
        }
      }
    }
    throw new AssertionError("./emporium up printed no " + role + " demo user:\n" + upOutput);
  }

  /** A new product with stock in the first category (the admin's client). */
  void createProduct(String sku, long priceMinor, int stock) {
    JsonNode categories = send("GET", "/api/catalog/categories", null, Map.of(), 200);
    String category = categories.path(0).path("slug").asText();
    send(
        "POST",
        "/api/catalog/admin/products",
        Map.of(
            "sku",
            sku,
            "name",
            "E2E lamp " + sku,
            "description",
            "made by LocalPlatformE2ETests",
            "category",
            category,
            "price",
            Map.of("amountMinor", priceMinor, "currency", "EUR"),
            "initialStock",
            stock),
        Map.of(),
        201);
  }

  void addToCart(String sku, int quantity) {
    send("POST", "/api/cart/items", Map.of("sku", sku, "quantity", quantity), Map.of(), 200);
  }

  /** Checks out with the card that approves; returns the checkout id. */
  String checkout() {
    JsonNode accepted =
        send(
            "POST",
            "/api/cart/checkout",
            Map.of(
                "shippingAddress",
                Map.of(
                    "name", "Ada Lovelace",
                    "line1", "1 Analytical Way",
                    "city", "London",
                    "postalCode", "N1 9GU",
                    "country", "GB"),
                "paymentMethodToken",
                "tok_4242424242424242"),
            Map.of("Idempotency-Key", UUID.randomUUID().toString()),
            202);
    return accepted.path("checkoutId").asText();
  }

  /** The customer's order of that checkout, or null while there is none. */
  JsonNode orderOf(String checkoutId) {
    JsonNode page = send("GET", "/api/order/orders?checkoutId=" + checkoutId, null, Map.of(), 200);
    JsonNode items = page.path("items");
    return items.isEmpty() ? null : items.get(0);
  }

  private JsonNode send(
      String method, String path, Object body, Map<String, String> headers, int expected) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(edge.resolve(path))
              .timeout(Duration.ofSeconds(20))
              .header("Accept", "application/json");
      if (accessToken != null) {
        request.header("Authorization", "Bearer " + accessToken);
      }
      headers.forEach(request::header);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != expected / 100) {
        throw new AssertionError(
            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
