package io.emporium.catalog.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.catalog.CatalogClient;
import io.emporium.catalog.CatalogIntegrationTest;
import io.emporium.catalog.OrderTopic;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;

/** The admin API: create, update, set stock; every bad input a 4xx problem that changes nothing. */
class AdminProductsIntegrationTests extends CatalogIntegrationTest {

  private static final String PRODUCTS = "/api/catalog/admin/products";

  @Autowired WebTestClient web;

  @Test
  void createsAProductWithItsInitialStock() {
    web.post()
        .uri(PRODUCTS)
        .headers(TestUsers.forTestEnvironment().newAdmin()::authorize)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(valid("ADM-NEW-1"))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .location("/api/catalog/products/ADM-NEW-1")
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Walnut Pen Tray")
        .jsonPath("$.price.amountMinor")
        .isEqualTo(2450)
        .jsonPath("$.attributes.material")
        .isEqualTo("walnut")
        .jsonPath("$.stock.onHand")
        .isEqualTo(12);
  }

  @Test
  void updatesAProduct() {
    new CatalogClient(web).createProduct("ADM-UPD-1", "Plain Notebook", "Lined.", 5);
    Map<String, Object> changes = valid("ignored");
    changes.remove("sku");
    changes.remove("initialStock");
    changes.put("price", Map.of("amountMinor", 999, "currency", "EUR"));

    admin(web.put().uri(PRODUCTS + "/ADM-UPD-1"), changes)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Walnut Pen Tray")
        .jsonPath("$.price.amountMinor")
        .isEqualTo(999)
        .jsonPath("$.stock.onHand")
        .isEqualTo(5);
  }

  @Test
  void rejectsANegativePrice() {
    var body = valid("ADM-BAD-1");
    body.put("price", Map.of("amountMinor", -1, "currency", "EUR"));

    invalid(admin(web.post().uri(PRODUCTS), body), "price.amountMinor");
    assertNotPersisted("ADM-BAD-1");
  }

  @Test
  void rejectsMissingFieldsNamingEach() {
    var body = valid("ADM-BAD-2");
    body.remove("name");
    body.remove("price");

    invalid(admin(web.post().uri(PRODUCTS), body), "name")
        .jsonPath("$.errors[?(@.field == 'price')]")
        .exists();
    assertNotPersisted("ADM-BAD-2");
  }

  @Test
  void rejectsAnUnknownCategoryAndAForeignCurrency() {
    var body = valid("ADM-BAD-3");
    body.put("category", "spaceships");
    body.put("price", Map.of("amountMinor", 100, "currency", "USD"));

    invalid(admin(web.post().uri(PRODUCTS), body), "category")
        .jsonPath("$.errors[?(@.field == 'price.currency')]")
        .exists();
    assertNotPersisted("ADM-BAD-3");
  }

  @Test
  void rejectsMalformedJson() {
    admin(web.post().uri(PRODUCTS), "{\"sku\": \"ADM-BAD-4\", \"name\": ")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertNotPersisted("ADM-BAD-4");
  }

  @Test
  void rejectsAWrongContentType() {
    web.post()
        .uri(PRODUCTS)
        .headers(admin()::authorize)
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue("sku=ADM-BAD-5")
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertNotPersisted("ADM-BAD-5");
  }

  @Test
  void rejectsADuplicateSku() {
    new CatalogClient(web).createProduct("ADM-DUP-1", "First", "The original.", 1);

    admin(web.post().uri(PRODUCTS), valid("ADM-DUP-1"))
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    web.get()
        .uri("/api/catalog/products/ADM-DUP-1")
        .exchange()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("First");
  }

  @Test
  void unknownSkuIsA404ForUpdateAndStock() {
    var changes = valid("x");
    changes.remove("sku");
    admin(web.put().uri(PRODUCTS + "/ADM-NONE"), changes).expectStatus().isNotFound();
    admin(web.put().uri(PRODUCTS + "/ADM-NONE/stock"), Map.of("onHand", 3))
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertNotPersisted("ADM-NONE");
  }

  @Test
  void nonAdminIsForbiddenAndChangesNothing() {
    new CatalogClient(web).createProduct("ADM-FBD-1", "Guarded", "Only admins.", 4);
    TestUser shopper = TestUsers.forTestEnvironment().newShopper();

    for (var request :
        new WebTestClient.RequestBodySpec[] {
          web.post().uri(PRODUCTS), web.put().uri(PRODUCTS + "/ADM-FBD-1")
        }) {
      request
          .headers(shopper::authorize)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(valid("ADM-FBD-2"))
          .exchange()
          .expectStatus()
          .isForbidden()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo("https://emporium.io/problems/forbidden");
    }
    web.put()
        .uri(PRODUCTS + "/ADM-FBD-1/stock")
        .headers(shopper::authorize)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("onHand", 0))
        .exchange()
        .expectStatus()
        .isForbidden();

    assertNotPersisted("ADM-FBD-2");
    assertThat(new CatalogClient(web).stock("ADM-FBD-1")).isEqualTo(CatalogClient.level(4, 0));
    web.get()
        .uri("/api/catalog/products/ADM-FBD-1")
        .exchange()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Guarded");
  }

  @Test
  void anonymousCallerIsUnauthenticated() {
    web.post()
        .uri(PRODUCTS)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(valid("ADM-ANON"))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertNotPersisted("ADM-ANON");
  }

  @Test
  void setsOnHandStock() {
    new CatalogClient(web).createProduct("ADM-STK-1", "Stocked", "Counted.", 4);

    admin(web.put().uri(PRODUCTS + "/ADM-STK-1/stock"), Map.of("onHand", 40))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.onHand")
        .isEqualTo(40)
        .jsonPath("$.available")
        .isEqualTo(40);
    invalid(admin(web.put().uri(PRODUCTS + "/ADM-STK-1/stock"), Map.of("onHand", -1)), "onHand");
    invalid(admin(web.put().uri(PRODUCTS + "/ADM-STK-1/stock"), Map.of()), "onHand");
    assertThat(new CatalogClient(web).stock("ADM-STK-1")).isEqualTo(CatalogClient.level(40, 0));
  }

  @Test
  void onHandCannotGoBelowWhatIsReserved() {
    var catalog = new CatalogClient(web);
    catalog.createProduct("ADM-STK-2", "Reserved", "Partly reserved.", 10);
    new OrderTopic()
        .publish(OrderTopic.placed(OrderTopic.newOrderId(), OrderTopic.line("ADM-STK-2", 4)));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> catalog.stock("ADM-STK-2").get("reserved") == 4);

    admin(web.put().uri(PRODUCTS + "/ADM-STK-2/stock"), Map.of("onHand", 3))
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.reserved")
        .isEqualTo(4);
    admin(web.put().uri(PRODUCTS + "/ADM-STK-2/stock"), Map.of("onHand", 4)).expectStatus().isOk();
    assertThat(catalog.stock("ADM-STK-2")).isEqualTo(CatalogClient.level(4, 4));
  }

  private WebTestClient.ResponseSpec admin(WebTestClient.RequestBodySpec request, Object body) {
    return request
        .headers(admin()::authorize)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static BodyContentSpec invalid(WebTestClient.ResponseSpec response, String field) {
    return response
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[?(@.field == '" + field + "')]")
        .exists();
  }

  private void assertNotPersisted(String sku) {
    web.get().uri("/api/catalog/products/{sku}", sku).exchange().expectStatus().isNotFound();
  }

  private static Map<String, Object> valid(String sku) {
    Map<String, Object> body = new HashMap<>();
    body.put("sku", sku);
    body.put("name", "Walnut Pen Tray");
    body.put("description", "A solid walnut tray for pens and pencils.");
    body.put("category", "office");
    body.put("price", Map.of("amountMinor", 2450, "currency", "EUR"));
    body.put("imageUrl", "/api/catalog/images/off-04001.svg");
    body.put("attributes", Map.of("material", "walnut", "lengthMm", 240));
    body.put("initialStock", 12);
    return body;
  }
}
