package io.emporium.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A shopper (and the catalog admin) talking to the edge, as the SPA will. */
final class ShopClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI edge;
  private final String customerId;

  ShopClient(URI edge, String customerId) {
    this.edge = edge;
    this.customerId = customerId;
  }

  /** A new product with stock in the first category, as the catalog admin. */
  void createProduct(String sku, long priceMinor, int stock) {
    JsonNode categories = send("GET", "/api/catalog/categories", customerId, null, Map.of(), 200);
    String category = categories.path(0).path("slug").asText();
    send(
        "POST",
        "/api/catalog/admin/products",
        "admin",
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
    send(
        "POST",
        "/api/cart/items",
        customerId,
        Map.of("sku", sku, "quantity", quantity),
        Map.of(),
        200);
  }

  /** Checks out with the card that approves; returns the checkout id. */
  String checkout() {
    JsonNode accepted =
        send(
            "POST",
            "/api/cart/checkout",
            customerId,
            Map.of(
                "email", "e2e@example.com",
                "shippingAddress",
                    Map.of(
                        "name", "Ada Lovelace",
                        "line1", "1 Analytical Way",
                        "city", "London",
                        "postalCode", "N1 9GU",
                        "country", "GB"),
                "paymentMethodToken", "tok_4242424242424242"),
            Map.of("Idempotency-Key", UUID.randomUUID().toString()),
            202);
    return accepted.path("checkoutId").asText();
  }

  /** The customer's order of that checkout, or null while there is none. */
  JsonNode orderOf(String checkoutId) {
    JsonNode page =
        send("GET", "/api/order/orders?checkoutId=" + checkoutId, customerId, null, Map.of(), 200);
    JsonNode items = page.path("items");
    return items.isEmpty() ? null : items.get(0);
  }

  private JsonNode send(
      String method,
      String path,
      String customer,
      Object body,
      Map<String, String> headers,
      int expected) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(edge.resolve(path))
              .timeout(Duration.ofSeconds(20))
              .header("X-Customer-Id", customer)
              .header("Accept", "application/json");
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
