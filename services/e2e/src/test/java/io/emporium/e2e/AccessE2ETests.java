package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.testing.BadTokens;
import io.emporium.platform.testing.OpenApiEndpoints;
import io.emporium.platform.testing.OpenApiEndpoints.Endpoint;
import io.emporium.platform.testing.TestUser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what, through the edge with every service running, signed in to the stack's Cognito
 * user pool: only catalog browsing is open; each shopper sees and changes only their own things;
 * admin APIs are for the admins group; a header naming a customer means nothing.
 */
@ExtendWith(RunningShop.class)
class AccessE2ETests {

  /** The only operations anyone may call without signing in. */
  static final Set<Endpoint> PUBLIC =
      Set.of(
          new Endpoint("GET", "/api/catalog/products"),
          new Endpoint("GET", "/api/catalog/products/{sku}"),
          new Endpoint("GET", "/api/catalog/categories"),
          new Endpoint("GET", "/api/catalog/images/{file}"));

  static final List<String> SERVICES =
      List.of("catalog", "cart", "order", "payment", "notification");

  @Test
  void everyOperationOfEveryServiceButBrowsingNeedsAToken(Shop shop) {
    URI edge = shop.stack().edgeUrl();
    List<Endpoint> guarded = new ArrayList<>();
    for (String service : SERVICES) {
      List<Endpoint> all = OpenApiEndpoints.of(edge, "/api/" + service + "/api-docs");
      assertThat(all).as(service + "'s operations").isNotEmpty();
      all.stream().filter(e -> !PUBLIC.contains(e)).forEach(guarded::add);
    }

    assertThat(guarded).hasSizeGreaterThanOrEqualTo(12);
    assertThat(OpenApiEndpoints.notRefusedWithoutToken(edge, guarded)).isEmpty();
    for (String open : List.of("/api/catalog/products?size=1", "/api/catalog/categories")) {
      shop.get(null, open).expect(200);
    }
  }

  @Test
  void tokensThatAreWrongInOneWayAreRefusedEverywhere(Shop shop) {
    TestUser shopper = shop.newCustomer();
    BadTokens bad = BadTokens.of(shop.users());
    Map<String, String> tokens =
        Map.of(
            "expired", bad.expired(shopper),
            "wrong key", bad.wrongKey(shopper),
            "wrong issuer", bad.wrongIssuer(shopper),
            "wrong client", bad.wrongClient(shopper),
            "marked as ID token", bad.accessTokenMarkedId(shopper),
            "ID token", bad.idToken(shopper));
    List<String> paths =
        List.of(
            "/api/cart",
            "/api/order/orders",
            "/api/payment/payments?orderId=" + UUID.randomUUID(),
            "/api/notification/notifications");

    tokens.forEach(
        (kind, token) -> {
          for (String path : paths) {
            Shop.Reply reply =
                shop.send(shop.request(path).header("Authorization", "Bearer " + token).GET());
            assertThat(reply.status()).as(kind + " on " + path).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
          }
        });
    shop.get(shopper, "/api/cart").expect(200);
  }

  @Test
  void aShopperCannotReadOrChangeAnotherShoppersThings(Shop shop) {
    TestUser alice = shop.newCustomer();
    TestUser bob = shop.newCustomer();
    String sku = shop.productWithStock(10);
    String checkoutId = shop.buy(alice, sku, 1, APPROVED_CARD);
    JsonNode order = shop.awaitOutcome(alice, checkoutId);
    String orderId = order.get("orderId").asText();
    shop.awaitCartOpen(alice);
    shop.addToCart(alice, sku, 2).expect(200);
    await().atMost(Shop.OUTCOME_WITHIN).until(() -> !shop.notifications(alice).isEmpty());

    JsonNode bobsCart = shop.cart(bob);
    assertThat(bobsCart.get("customerId").asText()).isEqualTo(bob.id());
    assertThat(bobsCart.get("lines")).isEmpty();
    shop.put(bob, "/api/cart/items/" + sku, Map.of("quantity", 9)).expect(404);
    shop.send(bob, "DELETE", "/api/cart/items/" + sku, null, "").expect(404);
    assertThat(shop.cart(alice).get("lines").get(0).get("quantity").asInt()).isEqualTo(2);

    shop.get(bob, "/api/order/orders/" + orderId).expect(403, 404);
    shop.send(
            shop.request("/api/order/orders/" + orderId + "/events")
                .setHeader("Accept", "text/event-stream, application/problem+json")
                .header("Authorization", bob.bearer())
                .GET())
        .expect(403, 404);
    assertThat(shop.ordersOfCheckout(bob, checkoutId)).isEmpty();
    shop.payment(bob, orderId).expect(403, 404);
    assertThat(shop.notifications(bob)).isEmpty();
    shop.payment(alice, orderId).expect(200);
  }

  @Test
  void adminApisAreForTheAdminsGroupOnly(Shop shop) {
    String sku = shop.productWithStock(7);
    String stock = "/api/catalog/admin/products/" + sku + "/stock";

    Shop.Reply refused = shop.put(shop.newCustomer(), stock, Map.of("onHand", 0)).expect(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    shop.put(null, stock, Map.of("onHand", 0)).expect(401);
    assertThat(shop.stock(sku).get("onHand").asInt()).isEqualTo(7);

    shop.put(shop.admin(), stock, Map.of("onHand", 8)).expect(200);
    assertThat(shop.stock(sku).get("onHand").asInt()).isEqualTo(8);
  }

  @Test
  void anXCustomerIdHeaderHasNoEffectAnywhere(Shop shop) {
    TestUser alice = shop.newCustomer();
    TestUser bob = shop.newCustomer();
    shop.addToCart(bob, shop.productWithStock(5), 1).expect(200);

    Shop.Reply anonymous =
        shop.send(shop.request("/api/cart").header("X-Customer-Id", bob.id()).GET());
    assertThat(anonymous.status()).isEqualTo(401);
    JsonNode cart =
        shop.send(
                shop.request("/api/cart")
                    .header("Authorization", alice.bearer())
                    .header("X-Customer-Id", bob.id())
                    .GET())
            .expect(200)
            .json();
    assertThat(cart.get("customerId").asText()).isEqualTo(alice.id());
    assertThat(cart.get("lines")).isEmpty();
    shop.send(
            shop.request("/api/catalog/admin/products/NOPE/stock")
                .header("X-Customer-Id", shop.admin().id())
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"onHand\":1}")))
        .expect(401);
  }

  @Test
  void theEdgePublishesTheUserPoolToSignInTo(Shop shop) {
    JsonNode config = shop.get(null, "/config.json").expect(200).json();

    assertThat(config.get("userPoolId").asText()).isEqualTo(shop.stack().identity().userPoolId());
    assertThat(config.get("clientId").asText()).isEqualTo(shop.stack().identity().clientId());
    assertThat(config.get("region").asText()).isEqualTo("us-east-1");
    assertThat(config.get("cognitoEndpoint").asText())
        .isEqualTo(shop.stack().identity().endpoint().toString());
  }
}
