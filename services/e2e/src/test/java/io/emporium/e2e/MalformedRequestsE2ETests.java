package io.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.testing.TestUser;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed request through the edge is a 4xx problem+json that names the problem, and
 * nothing is persisted: the shopper's cart is exactly as before.
 */
@ExtendWith(RunningShop.class)
class MalformedRequestsE2ETests {

  private static final String HUGE_BODY =
      "{\"sku\":\"" + "x".repeat(300 * 1024) + "\",\"quantity\":1}";

  static Stream<Arguments> malformedCartRequests() {
    return Stream.of(
        Arguments.of(
            "bad JSON", "POST", "/api/cart/items", "application/json", "{\"sku\": ", 400, "JSON"),
        Arguments.of(
            "negative quantity",
            "POST",
            "/api/cart/items",
            "application/json",
            "{\"sku\":\"%s\",\"quantity\":-1}",
            400,
            "quantity"),
        Arguments.of(
            "huge quantity",
            "POST",
            "/api/cart/items",
            "application/json",
            "{\"sku\":\"%s\",\"quantity\":1000000}",
            400,
            "quantity"),
        Arguments.of(
            "quantity not a number",
            "POST",
            "/api/cart/items",
            "application/json",
            "{\"sku\":\"%s\",\"quantity\":\"two\"}",
            400,
            "quantity"),
        Arguments.of(
            "unknown sku",
            "POST",
            "/api/cart/items",
            "application/json",
            "{\"sku\":\"NO-SUCH-SKU\",\"quantity\":1}",
            404,
            "NO-SUCH-SKU"),
        Arguments.of(
            "missing sku",
            "POST",
            "/api/cart/items",
            "application/json",
            "{\"quantity\":1}",
            400,
            "sku"),
        Arguments.of(
            "oversized body", "POST", "/api/cart/items", "application/json", HUGE_BODY, 413, ""),
        Arguments.of(
            "wrong content type",
            "POST",
            "/api/cart/items",
            "text/plain",
            "sku=%s&quantity=1",
            415,
            ""),
        Arguments.of(
            "checkout without fields",
            "POST",
            "/api/cart/checkout",
            "application/json",
            "{}",
            400,
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedCartRequests")
  void answersAProblemAndPersistsNothing(
      String what,
      String method,
      String path,
      String contentType,
      String body,
      int status,
      String named,
      Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(10);
    shop.addToCart(customer, sku, 1).expect(200, 201);
    JsonNode before = shop.cart(customer);

    Shop.Reply reply =
        shop.send(customer, method, path, contentType, body.replace("%s", sku)).expect(status);

    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.get("status").asInt()).isEqualTo(reply.status());
    assertThat(problem.toString()).contains(named);
    assertThat(shop.cart(customer)).isEqualTo(before);
  }

  @Test
  void checkoutWithoutAnIdempotencyKeyIsAProblemAndLocksNothing(Shop shop) {
    TestUser customer = shop.newCustomer();
    shop.addToCart(customer, shop.productWithStock(10), 1).expect(200, 201);
    JsonNode before = shop.cart(customer);

    Shop.Reply reply =
        shop.send(
            customer,
            "POST",
            "/api/cart/checkout",
            "application/json",
            "{\"paymentMethodToken\":\"tok_4242424242424242\","
                + "\"shippingAddress\":{\"name\":\"A\",\"line1\":\"1 Road\",\"city\":\"C\","
                + "\"postalCode\":\"1\",\"country\":\"GB\"}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.body()).contains("Idempotency-Key");
    assertThat(shop.cart(customer)).isEqualTo(before);
  }

  @Test
  void aRequestWithoutACustomerIsUnauthorized(Shop shop) {
    Shop.Reply reply = shop.get(null, "/api/cart");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anInvalidProductFromTheAdminIsAProblemAndNotCreated(Shop shop) {
    Shop.Reply reply =
        shop.send(
            shop.admin(),
            "POST",
            "/api/catalog/admin/products",
            "application/json",
            "{\"sku\":\"E2E-BAD-1\",\"name\":\"\",\"price\":{\"amountMinor\":-5,\"currency\":\"EUR\"}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(shop.get(null, "/api/catalog/products/E2E-BAD-1").status()).isEqualTo(404);
  }
}
