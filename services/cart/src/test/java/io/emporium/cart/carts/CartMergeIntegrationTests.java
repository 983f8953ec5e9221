package io.emporium.cart.carts;

import io.emporium.cart.CartClient;
import io.emporium.cart.CartIntegrationTest;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The guest cart of the browser joins the account's cart at sign-in, once. */
class CartMergeIntegrationTests extends CartIntegrationTest {

  @Autowired WebTestClient web;

  private CartClient cart;
  private final TestUser shopper = TestUsers.forTestEnvironment().newShopper();
  private final String guestCartId = UUID.randomUUID().toString();

  @org.junit.jupiter.api.BeforeEach
  void client() {
    cart = new CartClient(web);
  }

  @Test
  void mergesGuestLinesIntoTheAccountsCartAndListsWhatItCannotTake() {
    cart.add(shopper, "MUG-1", 1).expectStatus().isOk();

    cart.merge(
            shopper,
            guestCartId,
            List.of(line("MUG-1", 2), line("TEE-2", 1), line("GONE-9", 1), line("TEE-2", 1)))
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("ETag", "\"2\"")
        .expectBody()
        .jsonPath("$.cart.customerId")
        .isEqualTo(shopper.id())
        .jsonPath("$.cart.lines[?(@.sku == 'MUG-1')].quantity")
        .isEqualTo(List.of(3))
        .jsonPath("$.cart.lines[?(@.sku == 'TEE-2')].quantity")
        .isEqualTo(List.of(2))
        .jsonPath("$.cart.total.amountMinor")
        .isEqualTo(3 * 1250 + 2 * 2000)
        .jsonPath("$.skipped")
        .isEqualTo(List.of(Map.of("sku", "GONE-9", "reason", "unknown")));
  }

  @Test
  void aRepeatedMergeChangesNothingAndAnswersTheSame() {
    var lines = List.of(line("MUG-1", 2), line("NOPE-1", 1));
    cart.merge(shopper, guestCartId, lines).expectStatus().isOk();

    cart.merge(shopper, guestCartId, lines)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cart.lines[0].quantity")
        .isEqualTo(2)
        .jsonPath("$.cart.version")
        .isEqualTo(1)
        .jsonPath("$.skipped[0].sku")
        .isEqualTo("NOPE-1");
    cart.merge(shopper, UUID.randomUUID().toString(), List.of(line("MUG-1", 1)))
        .expectBody()
        .jsonPath("$.cart.lines[0].quantity")
        .isEqualTo(3);
  }

  @Test
  void aLineOverTheLimitIsSkippedAndTheRestMerged() {
    cart.add(shopper, "BULK-1", 98).expectStatus().isOk();

    cart.merge(shopper, guestCartId, List.of(line("BULK-1", 2), line("TEE-2", 1)))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cart.lines[?(@.sku == 'BULK-1')].quantity")
        .isEqualTo(List.of(98))
        .jsonPath("$.cart.lines[?(@.sku == 'TEE-2')].quantity")
        .isEqualTo(List.of(1))
        .jsonPath("$.skipped")
        .isEqualTo(List.of(Map.of("sku", "BULK-1", "reason", "over-limit")));
  }

  @Test
  void aLineOverWhatTheCatalogCanSellIsSkippedAsUnavailable() {
    cart.add(shopper, "MUG-1", 8).expectStatus().isOk();

    cart.merge(shopper, guestCartId, List.of(line("MUG-1", 3), line("TEE-2", 1)))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cart.lines[?(@.sku == 'MUG-1')].quantity")
        .isEqualTo(List.of(8))
        .jsonPath("$.cart.lines[?(@.sku == 'TEE-2')].available")
        .isEqualTo(List.of(10))
        .jsonPath("$.skipped")
        .isEqualTo(List.of(Map.of("sku", "MUG-1", "reason", "unavailable")));
  }

  @Test
  void theSameGuestCartMergesIntoEachAccountSeparately() {
    TestUser other = TestUsers.forTestEnvironment().newShopper();
    cart.merge(shopper, guestCartId, List.of(line("MUG-1", 1))).expectStatus().isOk();

    cart.merge(other, guestCartId, List.of(line("MUG-1", 1)))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cart.customerId")
        .isEqualTo(other.id())
        .jsonPath("$.cart.lines[0].quantity")
        .isEqualTo(1);
    cart.get(shopper).expectBody().jsonPath("$.lines[0].quantity").isEqualTo(1);
  }

  @Test
  void aMalformedMergeIsAValidationProblemNamingTheField() {
    cart.merge(shopper, "not a uuid!", List.of(line("MUG-1", 0)))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[?(@.field == 'guestCartId')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'lines[0].quantity')]")
        .exists();
    cart.get(shopper).expectBody().jsonPath("$.version").isEqualTo(0);
  }

  private static Map<String, Object> line(String sku, int quantity) {
    return Map.of("sku", sku, "quantity", quantity);
  }
}
