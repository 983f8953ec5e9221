package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.testing.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API the SPA builds on (docs/api.md), through the edge: checkout names the order to follow,
 * whose stream can be opened at once; cart lines show the catalog now; more than is available is a
 * 409; an unknown sku is a 404 however it is touched; an order shows where it ships and whom it
 * notifies.
 */
@ExtendWith(RunningShop.class)
class ApiContractE2ETests {

  private static final List<String> STATUSES =
      List.of("PENDING", "STOCK_RESERVED", "CONFIRMED", "CANCELLED");

  @Test
  void checkoutNamesTheOrderWhoseStreamCanBeFollowedAtOnce(Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(5);
    shop.addToCart(customer, sku, 1).expect(200);

    Shop.Reply accepted = shop.checkout(customer, UUID.randomUUID().toString(), APPROVED_CARD);

    accepted.expect(202);
    String orderId = accepted.json().get("orderId").asText();
    assertThat(accepted.response().headers().firstValue("Location"))
        .hasValue("/api/order/orders/" + orderId);
    List<JsonNode> changes = shop.statusStream(customer, orderId);
    assertThat(changes).isNotEmpty();
    assertThat(changes)
        .allSatisfy(
            change -> {
              assertThat(change.get("orderId").asText()).isEqualTo(orderId);
              assertThat(STATUSES).contains(change.get("status").asText());
            });
    assertThat(changes.getLast().get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(changes.getLast().get("cancellation").isNull()).isTrue();
    JsonNode order = shop.get(customer, "/api/order/orders/" + orderId).expect(200).json();
    assertThat(order.get("email").asText()).isEqualTo(customer.email());
    assertThat(order.at("/shippingAddress/line1").asText()).isEqualTo("12 Analytical Row");
    assertThat(order.at("/shippingAddress/line2").isNull()).isTrue();
    assertThat(order.get("cancellation").isNull()).isTrue();
  }

  @Test
  void cartLinesShowTheImageThePriceNowAndWhatIsAvailable(Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(7);

    JsonNode line = shop.addToCart(customer, sku, 2).expect(200).json().at("/lines/0");

    assertThat(line.get("imageUrl").asText()).startsWith("/api/catalog/images/");
    assertThat(line.get("currentPrice")).isEqualTo(line.get("unitPrice"));
    assertThat(line.get("available").asInt()).isEqualTo(7);
    assertThat(shop.cart(customer).at("/lines/0/available").asInt()).isEqualTo(7);
  }

  @Test
  void addingMoreThanIsAvailableIsAConflictSayingHowMany(Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(3);
    shop.addToCart(customer, sku, 2).expect(200);
    JsonNode before = shop.cart(customer);

    Shop.Reply refused = shop.addToCart(customer, sku, 2);

    refused.expect(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("type").asText())
        .isEqualTo("https://emporium.io/problems/insufficient-stock");
    assertThat(refused.json().get("available").asInt()).isEqualTo(3);
    assertThat(refused.json().get("requested").asInt()).isEqualTo(4);
    assertThat(shop.cart(customer)).isEqualTo(before);
  }

  @Test
  void anUnknownSkuIsNotFoundOnAddChangeAndRemove(Shop shop) {
    TestUser customer = shop.newCustomer();
    shop.addToCart(customer, shop.productWithStock(5), 1).expect(200);

    Shop.Reply add = shop.addToCart(customer, "NO-SUCH-SKU", 1);
    Shop.Reply change = shop.put(customer, "/api/cart/items/NO-SUCH-SKU", Map.of("quantity", 2));
    Shop.Reply remove = shop.send(customer, "DELETE", "/api/cart/items/NO-SUCH-SKU", null, "");

    assertThat(List.of(add, change, remove))
        .allSatisfy(
            reply -> {
              assertThat(reply.status()).isEqualTo(404);
              assertThat(reply.json().get("type").asText())
                  .isEqualTo("https://emporium.io/problems/not-found");
            });
  }
}
