package io.emporium.cart.carts;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.cart.CartClient;
import io.emporium.cart.CartIntegrationTest;
import io.emporium.cart.CartTestInfra;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every malformed request is a 4xx problem+json (naming the field) and stores nothing. */
class MalformedRequestsIntegrationTests extends CartIntegrationTest {

  @Autowired WebTestClient web;

  record Bad(int status, String field, Function<Call, WebTestClient.ResponseSpec> request) {}

  /** A request about to be sent for {@code customer}. */
  record Call(WebTestClient web, TestUser customer) {

    WebTestClient.ResponseSpec postItems(String json) {
      return web.post()
          .uri("/api/cart/items")
          .headers(customer::authorize)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(json)
          .exchange();
    }

    WebTestClient.ResponseSpec checkout(String key, String json) {
      return web.post()
          .uri("/api/cart/checkout")
          .headers(customer::authorize)
          .headers(
              h -> {
                if (key != null) {
                  h.set("Idempotency-Key", key);
                }
              })
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(json)
          .exchange();
    }
  }

  static Stream<Arguments> malformedAddItems() {
    return Stream.of(
        bad("bad JSON", 400, null, c -> c.postItems("{\"sku\": \"MUG-1\", \"quantity\": }")),
        bad("zero quantity", 400, "quantity", c -> c.postItems(item("0"))),
        bad("negative quantity", 400, "quantity", c -> c.postItems(item("-3"))),
        bad("quantity over 99", 400, "quantity", c -> c.postItems(item("100"))),
        bad("huge quantity", 400, "quantity", c -> c.postItems(item("99999999999"))),
        bad("text quantity", 400, "quantity", c -> c.postItems(item("\"three\""))),
        bad("fractional quantity", 400, "quantity", c -> c.postItems(item("1.5"))),
        bad("quantity as a string of digits", 400, "quantity", c -> c.postItems(item("\"2\""))),
        bad("sku as a number", 400, "sku", c -> c.postItems("{\"sku\": 12345, \"quantity\": 1}")),
        bad("missing quantity", 400, "quantity", c -> c.postItems("{\"sku\": \"MUG-1\"}")),
        bad("missing sku", 400, "sku", c -> c.postItems("{\"quantity\": 1}")),
        bad("sku with spaces", 400, "sku", c -> c.postItems("{\"sku\":\"a b\",\"quantity\":1}")),
        bad("JSON array", 400, null, c -> c.postItems("[1, 2]")),
        bad("unknown sku", 404, null, c -> c.postItems("{\"sku\":\"NOPE-9\",\"quantity\":1}")),
        bad(
            "oversized body",
            413,
            null,
            c -> c.postItems("{\"sku\":\"MUG-1\",\"pad\":\"" + "x".repeat(300_000) + "\"}")),
        bad(
            "wrong content type",
            415,
            null,
            c ->
                c.web()
                    .post()
                    .uri("/api/cart/items")
                    .headers(c.customer()::authorize)
                    .contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("MUG-1 x 1")
                    .exchange()),
        bad(
            "no access token",
            401,
            null,
            c ->
                c.web()
                    .post()
                    .uri("/api/cart/items")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(item("1"))
                    .exchange()),
        bad(
            "bad If-Match",
            400,
            "If-Match",
            c ->
                c.web()
                    .post()
                    .uri("/api/cart/items")
                    .headers(c.customer()::authorize)
                    .header("If-Match", "yesterday")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(item("1"))
                    .exchange()),
        bad(
            "bad sku in the path",
            400,
            null,
            c ->
                c.web()
                    .put()
                    .uri("/api/cart/items/bad!sku")
                    .headers(c.customer()::authorize)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"quantity\": 1}")
                    .exchange()),
        bad(
            "zero quantity on update",
            400,
            "quantity",
            c ->
                c.web()
                    .put()
                    .uri("/api/cart/items/MUG-1")
                    .headers(c.customer()::authorize)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"quantity\": 0}")
                    .exchange()));
  }

  @ParameterizedTest
  @MethodSource("malformedAddItems")
  void isAProblemAndStoresNoCart(Bad bad) {
    TestUser customer = TestUsers.forTestEnvironment().newShopper();
    expect(bad, new Call(web, customer));
    assertThat(storedCart(customer)).isEmpty();
  }

  private static final String CHECKOUT =
      "{\"paymentMethodToken\":\"tok\",\"shippingAddress\":"
          + "{\"name\":\"A\",\"line1\":\"1 Way\",\"city\":\"X\",\"postalCode\":\"1\","
          + "\"country\":\"GB\"}}";

  static Stream<Arguments> malformedCheckouts() {
    String valid = CHECKOUT;
    return Stream.of(
        bad("missing Idempotency-Key", 400, "Idempotency-Key", c -> c.checkout(null, valid)),
        bad("Idempotency-Key too long", 400, null, c -> c.checkout("k".repeat(200), valid)),
        bad("bad JSON", 400, null, c -> c.checkout("k1", "{\"shippingAddress\": ")),
        bad("empty object", 400, "paymentMethodToken", c -> c.checkout("k1", "{}")),
        bad(
            "missing address",
            400,
            "shippingAddress",
            c -> c.checkout("k1", "{\"paymentMethodToken\":\"t\"}")),
        bad(
            "bad country",
            400,
            "shippingAddress.country",
            c -> c.checkout("k1", valid.replace("\"GB\"", "\"Britain\""))),
        bad(
            "NUL in an address line",
            400,
            "shippingAddress.line1",
            c -> c.checkout("k1", valid.replace("1 Way", "1 Way\\u0000"))),
        bad(
            "control character in the payment token",
            400,
            "paymentMethodToken",
            c -> c.checkout("k1", valid.replace("\"tok\"", "\"tok\\u0007\""))),
        bad(
            "line break in the city",
            400,
            "shippingAddress.city",
            c -> c.checkout("k1", valid.replace("\"X\"", "\"X\\nY\""))));
  }

  @ParameterizedTest
  @MethodSource("malformedCheckouts")
  void isAProblemAndLeavesTheCartOpen(Bad bad) {
    TestUser customer = TestUsers.forTestEnvironment().newShopper();
    var cart = new CartClient(web);
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();

    expect(bad, new Call(web, customer));

    var stored = storedCart(customer);
    assertThat(stored.get("status").s()).isEqualTo("OPEN");
    assertThat(stored.get("version").n()).isEqualTo("1");
    assertThat(stored).doesNotContainKey("checkoutId");
  }

  @Test
  void anAccountEmailTheOrdersConsumersRejectIsRefusedAndLeavesTheCartOpen() {
    TestUser customer =
        TestUsers.forTestEnvironment()
            // the identity provider keeps an address longer than a mailbox may be (RFC 5321: 254)
            .newShopperWithEmail("ada-" + UUID.randomUUID() + "x".repeat(220) + "@example.com");
    new CartClient(web).add(customer, "MUG-1", 1).expectStatus().isOk();

    expect(
        new Bad(422, "customer.email", c -> c.checkout("k1", CHECKOUT)), new Call(web, customer));

    assertThat(storedCart(customer).get("status").s()).isEqualTo("OPEN");
    assertThat(storedCart(customer)).doesNotContainKey("checkoutId");
  }

  @Test
  void aValidCheckoutBodyPassesTheSameChecks() {
    TestUser customer = TestUsers.forTestEnvironment().newShopper();
    new CartClient(web).add(customer, "MUG-1", 1).expectStatus().isOk();
    new CartClient(web)
        .checkout(customer, "k1", CartClient.checkoutBody())
        .expectStatus()
        .isAccepted();
    assertThat(storedCart(customer).get("status").s()).isEqualTo("CHECKED_OUT");
  }

  private static void expect(Bad bad, Call call) {
    var body =
        bad.request()
            .apply(call)
            .expectStatus()
            .isEqualTo(bad.status())
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(bad.status())
            .jsonPath("$.detail")
            .isNotEmpty();
    if (bad.field() != null) {
      body.jsonPath("$.errors[*].field")
          .value(fields -> assertThat(fields.toString()).contains(bad.field()));
    }
  }

  private static Arguments bad(
      String name, int status, String field, Function<Call, WebTestClient.ResponseSpec> request) {
    return Arguments.of(Named.of(name, new Bad(status, field, request)));
  }

  private static String item(String quantity) {
    return "{\"sku\": \"MUG-1\", \"quantity\": " + quantity + "}";
  }

  private static Map<String, AttributeValue> storedCart(TestUser customerId) {
    try (var dynamo = CartTestInfra.dynamo()) {
      return dynamo
          .getItem(
              b ->
                  b.tableName(CartTestInfra.CARTS)
                      .key(Map.of("pk", AttributeValue.fromS("CUSTOMER#" + customerId.id()))))
          .item();
    }
  }
}
