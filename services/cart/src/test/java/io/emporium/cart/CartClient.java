package io.emporium.cart;

import io.emporium.platform.testing.TestUser;
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

  /** A valid checkout body: no email (the order's is the account's). */
  public static Map<String, Object> checkoutBody() {
    return Map.of("shippingAddress", ADDRESS, "paymentMethodToken", "tok_visa");
  }

  /** The shopper's cart as the API answers it. */
  public Map<?, ?> view(TestUser customer) {
    return get(customer).expectBody(Map.class).returnResult().getResponseBody();
  }

  /** {@code quantity} of {@code sku} added and checked out with {@code key}: the cart's id. */
  public String checkedOut(TestUser customer, String sku, int quantity, String key) {
    add(customer, sku, quantity).expectStatus().isOk();
    return (String)
        checkout(customer, key, checkoutBody())
            .expectStatus()
            .isAccepted()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("cartId");
  }

  public WebTestClient.ResponseSpec get(TestUser customerId) {
    return client.get().uri("/api/cart").headers(customerId::authorize).exchange();
  }

  public WebTestClient.ResponseSpec add(TestUser customerId, String sku, int quantity) {
    return client
        .post()
        .uri("/api/cart/items")
        .headers(customerId::authorize)
        .bodyValue(Map.of("sku", sku, "quantity", quantity))
        .exchange();
  }

  public WebTestClient.ResponseSpec put(TestUser customerId, String sku, int quantity) {
    return client
        .put()
        .uri("/api/cart/items/{sku}", sku)
        .headers(customerId::authorize)
        .bodyValue(Map.of("quantity", quantity))
        .exchange();
  }

  public WebTestClient.ResponseSpec merge(TestUser customer, String guestCartId, Object lines) {
    return client
        .post()
        .uri("/api/cart/merge")
        .headers(customer::authorize)
        .bodyValue(Map.of("guestCartId", guestCartId, "lines", lines))
        .exchange();
  }

  public WebTestClient.ResponseSpec checkout(TestUser customerId, String key, Object body) {
    return client
        .post()
        .uri("/api/cart/checkout")
        .headers(customerId::authorize)
        .header("Idempotency-Key", key)
        .bodyValue(body)
        .exchange();
  }
}
