package io.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.testing.TestUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes of hostile input that used to do lasting harm, through the edge: each is refused at
 * the door with a 4xx problem naming the field, and the shop is left as it was.
 */
@ExtendWith(RunningShop.class)
class HostileInputE2ETests {

  private static final int SERVICE_LIMIT = 256 * 1024;

  private static String checkoutBody(String line1) {
    return """
        {"paymentMethodToken":"tok_4242424242424242",
         "shippingAddress":{"name":"Ada Lovelace","line1":"%s","city":"London",
         "postalCode":"N1 9GU","country":"GB"}}"""
        .formatted(line1);
  }

  @Test
  void aNulInAnAddressLineIsRefusedAndTheCartStaysOpen(Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(10);
    shop.addToCart(customer, sku, 1).expect(200, 201);

    Shop.Reply reply =
        shop.send(
            customer,
            "POST",
            "/api/cart/checkout",
            "application/json",
            checkoutBody("12 Analytical Row\\u0000"),
            UUID.randomUUID().toString());

    reply.expect(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("shippingAddress.line1");
    JsonNode cart = shop.cart(customer);
    assertThat(cart.get("status").asText()).isEqualTo("OPEN");
    shop.addToCart(customer, sku, 1).expect(200);
    assertThat(shop.cart(customer).at("/lines/0/quantity").asInt()).isEqualTo(2);
  }

  @Test
  void aPercentEncodedNulInAQueryIsRefusedNamingTheParameter(Shop shop) {
    Shop.Reply reply = shop.get(shop.newCustomer(), "/api/order/orders?checkoutId=%00");

    reply.expect(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("checkoutId");
  }

  @Test
  void aPercentEncodedNulInAPathIsRefusedAsAProblem(Shop shop) {
    Shop.Reply reply = shop.get(null, "/api/catalog/products/KIT%0001");

    reply.expect(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("path");
  }

  @Test
  void aFractionalQuantityIsRefusedNotTruncated(Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(10);
    shop.addToCart(customer, sku, 1).expect(200, 201);
    JsonNode before = shop.cart(customer);

    Shop.Reply reply =
        shop.send(
            customer,
            "POST",
            "/api/cart/items",
            "application/json",
            "{\"sku\":\"" + sku + "\",\"quantity\":1.5}");

    reply.expect(400);
    assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("quantity");
    assertThat(shop.cart(customer)).isEqualTo(before);
  }

  /**
   * A body larger than the socket buffers, refused by the service before it reads it: the edge
   * relays the service's own 413 every time, never a 502.
   */
  @ParameterizedTest(name = "chunked={0}")
  @ValueSource(booleans = {false, true})
  void theServicesOwn413ReachesTheClientEveryTime(boolean chunked, Shop shop) {
    byte[] body = new byte[3 * 1024 * 1024];
    Arrays.fill(body, (byte) 'x');
    TestUser customer = shop.newCustomer();
    List<String> answers = new ArrayList<>();
    for (int attempt = 0; attempt < 10; attempt++) {
      Shop.Reply reply = shop.sendBytes(customer, "/api/cart/items", body, chunked);
      answers.add(reply.status() + " " + reply.contentType() + " " + reply.body());
    }

    assertThat(answers)
        .allSatisfy(
            answer ->
                assertThat(answer)
                    .startsWith("413 application/problem+json")
                    .contains("https://emporium.io/problems/content-too-large")
                    .contains("exceeds the limit of " + SERVICE_LIMIT + " bytes"));
  }
}
