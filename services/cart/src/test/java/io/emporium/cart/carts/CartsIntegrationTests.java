package io.emporium.cart.carts;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.cart.CartClient;
import io.emporium.cart.CartIntegrationTest;
import io.emporium.cart.CartTestInfra;
import io.emporium.cart.DynamoDbRequests;
import io.emporium.platform.testing.OpenApiEndpoints;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CartsIntegrationTests extends CartIntegrationTest {

  @Autowired WebTestClient client;
  @Autowired DynamoDbRequests requests;
  @LocalServerPort int port;

  private final TestUser customer = TestUsers.forTestEnvironment().newShopper();
  private CartClient cart;

  @BeforeEach
  void cartClient() {
    cart = new CartClient(client);
  }

  @Test
  void readsAnEmptyOpenCartWhenTheCustomerHasNone() {
    cart.get(customer)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.customerId")
        .isEqualTo(customer.id())
        .jsonPath("$.status")
        .isEqualTo("OPEN")
        .jsonPath("$.version")
        .isEqualTo(0)
        .jsonPath("$.lines.length()")
        .isEqualTo(0)
        .jsonPath("$.total.amountMinor")
        .isEqualTo(0)
        .jsonPath("$.total.currency")
        .isEqualTo("EUR");
  }

  @Test
  void addsUpdatesAndRemovesLinesWithTheCatalogPriceAndTotal() {
    cart.add(customer, "MUG-1", 2)
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("ETag", "\"1\"");
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();
    cart.add(customer, "TEE-2", 1).expectStatus().isOk();

    cart.get(customer)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cartId")
        .isNotEmpty()
        .jsonPath("$.version")
        .isEqualTo(3)
        .jsonPath("$.lines.length()")
        .isEqualTo(2)
        .jsonPath("$.lines[0].sku")
        .isEqualTo("MUG-1")
        .jsonPath("$.lines[0].name")
        .isEqualTo("Mug")
        .jsonPath("$.lines[0].quantity")
        .isEqualTo(3)
        .jsonPath("$.lines[0].unitPrice.amountMinor")
        .isEqualTo(1250)
        .jsonPath("$.lines[0].lineTotal.amountMinor")
        .isEqualTo(3750)
        .jsonPath("$.total.amountMinor")
        .isEqualTo(5750);

    put(customer, "MUG-1", 5, null).expectStatus().isOk();
    delete(customer, "TEE-2", null).expectStatus().isOk();

    cart.get(customer)
        .expectBody()
        .jsonPath("$.version")
        .isEqualTo(5)
        .jsonPath("$.lines.length()")
        .isEqualTo(1)
        .jsonPath("$.lines[0].quantity")
        .isEqualTo(5)
        .jsonPath("$.total.amountMinor")
        .isEqualTo(6250);
  }

  @Test
  void addingAnItemIsOneDynamoDbRequestAndReadingOneGetItem() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk(); // creates the cart

    requests.reset();
    cart.add(customer, "TEE-2", 1).expectStatus().isOk();
    assertThat(requests.on(CartTestInfra.CARTS))
        .extracting(DynamoDbRequests.Request::operation)
        .containsExactly("UpdateItem");

    requests.reset();
    cart.add(customer, "TEE-2", 2).expectStatus().isOk();
    assertThat(requests.on(CartTestInfra.CARTS))
        .extracting(DynamoDbRequests.Request::operation)
        .containsExactly("UpdateItem");

    requests.reset();
    cart.get(customer).expectStatus().isOk();
    assertThat(requests.on(CartTestInfra.CARTS))
        .extracting(DynamoDbRequests.Request::operation)
        .containsExactly("GetItem");
  }

  @Test
  void staleIfMatchIsAConflictAndChangesNothing() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();
    cart.add(customer, "MUG-1", 1).expectStatus().isOk(); // version 2

    put(customer, "MUG-1", 7, "\"1\"")
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.currentVersion")
        .isEqualTo(2);
    client
        .post()
        .uri("/api/cart/items")
        .headers(customer::authorize)
        .header("If-Match", "1")
        .bodyValue(Map.of("sku", "TEE-2", "quantity", 1))
        .exchange()
        .expectStatus()
        .isEqualTo(409);
    delete(customer, "MUG-1", "1").expectStatus().isEqualTo(409);

    put(customer, "MUG-1", 7, "\"2\"")
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("ETag", "\"3\"");
    cart.get(customer)
        .expectBody()
        .jsonPath("$.lines.length()")
        .isEqualTo(1)
        .jsonPath("$.lines[0].quantity")
        .isEqualTo(7);
  }

  @Test
  void aLineHoldsAtMost99Units() {
    cart.add(customer, "BULK-1", 60).expectStatus().isOk();
    cart.add(customer, "BULK-1", 40)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.sku")
        .isEqualTo("BULK-1");
    cart.add(customer, "BULK-1", 39).expectStatus().isOk();
    cart.get(customer).expectBody().jsonPath("$.lines[0].quantity").isEqualTo(99);
  }

  @Test
  void aCartHoldsAtMost50Lines() {
    for (int i = 0; i < 50; i++) {
      catalog.product("SKU-" + i, "Thing " + i, 100);
      cart.add(customer, "SKU-" + i, 1).expectStatus().isOk();
    }
    catalog.product("SKU-50", "One too many", 100);
    cart.add(customer, "SKU-50", 1).expectStatus().isEqualTo(422);
    cart.add(customer, "SKU-7", 1).expectStatus().isOk(); // more of a line it has is fine
    cart.get(customer).expectBody().jsonPath("$.lines.length()").isEqualTo(50);
  }

  @Test
  void linesShowWhatTheCatalogSaysNowBesideThePriceTheyWereAddedAt() {
    cart.add(customer, "MUG-1", 2).expectStatus().isOk();
    catalog.product("MUG-1", "Mug", 1400, 3);
    try {
      cart.get(customer)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.lines[0].unitPrice.amountMinor")
          .isEqualTo(1250)
          .jsonPath("$.lines[0].currentPrice.amountMinor")
          .isEqualTo(1400)
          .jsonPath("$.lines[0].available")
          .isEqualTo(3)
          .jsonPath("$.lines[0].imageUrl")
          .isEqualTo("/api/catalog/images/MUG-1.svg")
          .jsonPath("$.total.amountMinor")
          .isEqualTo(2500);
    } finally {
      catalog.product("MUG-1", "Mug", 1250);
    }
  }

  @Test
  void readingACartAsksTheCatalogOnceForAllItsLines() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();
    cart.add(customer, "TEE-2", 1).expectStatus().isOk();
    cart.add(customer, "BULK-1", 1).expectStatus().isOk();

    int before = catalog.requests();
    cart.get(customer)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.lines[2].available")
        .isNumber();

    assertThat(catalog.requests() - before).isEqualTo(1);
  }

  @Test
  void anAddAsksTheCatalogAboutTheAddedProductOnceAndAboutTheOtherLinesInOneRequest() {
    int before = catalog.requests();
    cart.add(customer, "MUG-1", 1)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.lines[0].currentPrice.amountMinor")
        .isEqualTo(1250)
        .jsonPath("$.lines[0].available")
        .isNumber();
    assertThat(catalog.requests() - before).as("the first line: the product only").isEqualTo(1);

    before = catalog.requests();
    cart.add(customer, "TEE-2", 1)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.lines[0].currentPrice.amountMinor")
        .isEqualTo(1250)
        .jsonPath("$.lines[1].currentPrice.amountMinor")
        .isEqualTo(2000);
    assertThat(catalog.requests() - before)
        .as("the product, then the other lines at once")
        .isEqualTo(2);
  }

  @Test
  void whenTheCatalogCannotBeAskedTheCartIsShownWithoutCurrentPriceOrAvailability() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();
    catalog.down(true);
    try {
      cart.get(customer)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.lines[0].unitPrice.amountMinor")
          .isEqualTo(1250)
          .jsonPath("$.lines[0].currentPrice")
          .isEmpty()
          .jsonPath("$.lines[0].available")
          .isEmpty()
          .jsonPath("$.lines[0].imageUrl")
          .isEqualTo("/api/catalog/images/MUG-1.svg");
    } finally {
      catalog.down(false);
    }
  }

  @Test
  void addingMoreThanTheCatalogCanSellIsAConflictSayingHowManyAndChangesNothing() {
    cart.add(customer, "MUG-1", 11)
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://emporium.io/problems/insufficient-stock")
        .jsonPath("$.available")
        .isEqualTo(10);
    assertThat(storedCart(customer)).isEmpty();

    cart.add(customer, "MUG-1", 6).expectStatus().isOk();
    cart.add(customer, "MUG-1", 5)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.requested")
        .isEqualTo(11)
        .jsonPath("$.available")
        .isEqualTo(10);
    put(customer, "MUG-1", 11, null)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://emporium.io/problems/insufficient-stock");
    cart.get(customer).expectBody().jsonPath("$.lines[0].quantity").isEqualTo(6);
  }

  @Test
  void aLineAboveWhatIsLeftCanStillBeLowered() {
    cart.add(customer, "MUG-1", 8).expectStatus().isOk();
    catalog.product("MUG-1", "Mug", 1250, 2);
    try {
      put(customer, "MUG-1", 5, null).expectStatus().isOk();
      put(customer, "MUG-1", 6, null).expectStatus().isEqualTo(409);
    } finally {
      catalog.product("MUG-1", "Mug", 1250);
    }
    cart.get(customer).expectBody().jsonPath("$.lines[0].quantity").isEqualTo(5);
  }

  @Test
  void anSkuTheCatalogDoesNotKnowIsNotFoundOnAddChangeAndRemove() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();

    cart.add(customer, "NOPE-1", 1).expectStatus().isNotFound();
    put(customer, "NOPE-1", 1, null).expectStatus().isNotFound();
    delete(customer, "NOPE-1", null).expectStatus().isNotFound();
    cart.get(customer).expectBody().jsonPath("$.lines.length()").isEqualTo(1);
  }

  @Test
  void changingALineTheCartDoesNotHaveIsNotFound() {
    put(customer, "MUG-1", 2, null).expectStatus().isNotFound();
    delete(customer, "MUG-1", null).expectStatus().isNotFound();
    assertThat(storedCart(customer)).isEmpty();
  }

  @Test
  void catalogDownIsServiceUnavailableAndNothingIsStored() {
    catalog.down(true);
    try {
      cart.add(customer, "MUG-1", 1)
          .expectStatus()
          .isEqualTo(503)
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    } finally {
      catalog.down(false);
    }
    assertThat(storedCart(customer)).isEmpty();
  }

  @Test
  void storesTheCartUnderTheCustomerKeyWithATtl() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();
    var item = storedCart(customer);
    assertThat(item.get("status").s()).isEqualTo("OPEN");
    long expiresAt = Long.parseLong(item.get("expiresAt").n());
    long thirtyDays = java.time.Instant.now().plus(java.time.Duration.ofDays(30)).getEpochSecond();
    assertThat(expiresAt).isBetween(thirtyDays - 3600, thirtyDays + 60);
  }

  @Test
  void aShopperReadsAndChangesOnlyTheirOwnCart() {
    TestUser other = TestUsers.forTestEnvironment().newShopper();
    cart.add(customer, "MUG-1", 2).expectStatus().isOk();

    cart.get(other)
        .expectBody()
        .jsonPath("$.customerId")
        .isEqualTo(other.id())
        .jsonPath("$.lines.length()")
        .isEqualTo(0);
    put(other, "MUG-1", 9, null).expectStatus().isNotFound();
    delete(other, "MUG-1", null).expectStatus().isNotFound();

    cart.get(customer).expectBody().jsonPath("$.lines[0].quantity").isEqualTo(2);
  }

  @Test
  void everyCartOperationNeedsAToken() {
    URI base = URI.create("http://127.0.0.1:" + port);
    List<OpenApiEndpoints.Endpoint> all = OpenApiEndpoints.of(base, "/api/cart/api-docs");

    assertThat(all)
        .extracting(OpenApiEndpoints.Endpoint::path)
        .contains("/api/cart/merge", "/api/cart/checkout");
    assertThat(OpenApiEndpoints.notRefusedWithoutToken(base, all)).isEmpty();
  }

  private Map<String, AttributeValue> storedCart(TestUser customerId) {
    try (var dynamo = CartTestInfra.dynamo()) {
      return dynamo
          .getItem(
              b ->
                  b.tableName(CartTestInfra.CARTS)
                      .key(Map.of("pk", AttributeValue.fromS("CUSTOMER#" + customerId.id()))))
          .item();
    }
  }

  private WebTestClient.ResponseSpec put(
      TestUser customerId, String sku, int quantity, String ifMatch) {
    return client
        .put()
        .uri("/api/cart/items/{sku}", sku)
        .headers(customerId::authorize)
        .headers(
            h -> {
              if (ifMatch != null) {
                h.set("If-Match", ifMatch);
              }
            })
        .bodyValue(Map.of("quantity", quantity))
        .exchange();
  }

  private WebTestClient.ResponseSpec delete(TestUser customerId, String sku, String ifMatch) {
    return client
        .delete()
        .uri("/api/cart/items/{sku}", sku)
        .headers(customerId::authorize)
        .headers(
            h -> {
              if (ifMatch != null) {
                h.set("If-Match", ifMatch);
              }
            })
        .exchange();
  }
}
