package io.emporium.cart.support;

import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The cart API as a shopper calls it. */
public record CartClient(WebTestClient client) {

  public static final Map<String, Object> ADDRESS =
      Map.of(
          "name", "Ada Lovelace",
          "line1", "1 Analytical Way",
          "city", "London",
          "postalCode", "N1 9GU",
          "country", "GB");

  public static Map<String, Object> checkoutBody(String email) {
    return Map.of("email", email, "shippingAddress", ADDRESS, "paymentMethodToken", "tok_visa");
  }

  public WebTestClient.ResponseSpec get(String customerId) {
    return client.get().uri("/api/cart").header("X-Customer-Id", customerId).exchange();
  }

  public WebTestClient.ResponseSpec add(String customerId, String sku, int quantity) {
    return client
        .post()
        .uri("/api/cart/items")
        .header("X-Customer-Id", customerId)
        .bodyValue(Map.of("sku", sku, "quantity", quantity))
        .exchange();
  }

  public WebTestClient.ResponseSpec put(String customerId, String sku, int quantity) {
    return client
        .put()
        .uri("/api/cart/items/{sku}", sku)
        .header("X-Customer-Id", customerId)
        .bodyValue(Map.of("quantity", quantity))
        .exchange();
  }

  public WebTestClient.ResponseSpec checkout(String customerId, String key, Object body) {
    return client
        .post()
        .uri("/api/cart/checkout")
        .header("X-Customer-Id", customerId)
        .header("Idempotency-Key", key)
        .bodyValue(body)
        .exchange();
  }
}
