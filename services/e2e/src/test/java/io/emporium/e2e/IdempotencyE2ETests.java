package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.testing.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retries and duplicates never create a second order, reservation or charge. */
@ExtendWith(RunningShop.class)
class IdempotencyE2ETests {

  @Test
  void theSameCheckoutTwiceMakesOneOrder(Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(10);
    shop.addToCart(customer, sku, 1).expect(200, 201);
    String key = UUID.randomUUID().toString();

    JsonNode first = shop.checkout(customer, key, APPROVED_CARD).expect(202).json();
    JsonNode second = shop.checkout(customer, key, APPROVED_CARD).expect(202).json();

    assertThat(second).isEqualTo(first);
    String checkoutId = first.get("checkoutId").asText();
    assertThat(shop.awaitOutcome(customer, checkoutId).get("status").asText())
        .isEqualTo("CONFIRMED");
    assertThat(shop.ordersOfCheckout(customer, checkoutId)).hasSize(1);
    // CONFIRMED is the order's word; the catalog takes the unit on hand when it consumes it.
    await()
        .atMost(Shop.OUTCOME_WITHIN)
        .untilAsserted(() -> assertThat(shop.stock(sku).get("onHand").asInt()).isEqualTo(9));
  }

  @Test
  void duplicatedEventsReserveOnceAndChargeOnce(Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(10);
    try (EventTap tap = new EventTap(shop, "order", "catalog")) {
      String checkoutId = shop.buy(customer, sku, 2, APPROVED_CARD);
      JsonNode order = shop.awaitOutcome(customer, checkoutId);
      assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
      String orderId = order.get("orderId").asText();
      JsonNode placed = tap.awaitEvent("order.OrderPlaced.v1", orderId);
      JsonNode reserved = tap.awaitEvent("catalog.StockReserved.v1", orderId);
      tap.awaitConsumed("order", "catalog", "payment");

      tap.republish(placed);
      tap.republish(reserved);
      tap.republishAsNewEvent(placed);
      tap.republishAsNewEvent(reserved);
      tap.awaitConsumed("order", "catalog");

      JsonNode stock = shop.stock(sku);
      assertThat(stock.get("onHand").asInt()).isEqualTo(8);
      assertThat(stock.get("reserved").asInt()).isZero();
      JsonNode payment = shop.payment(customer, orderId).expect(200).json();
      // One authorization; the confirmed order's capture may be recorded already.
      assertThat(CheckoutE2ETests.kinds(payment))
          .containsOnlyOnce("AUTHORIZATION")
          .isSubsetOf("AUTHORIZATION", "CAPTURE");
      assertThat(shop.ordersOfCheckout(customer, checkoutId)).hasSize(1);
    }
  }
}
