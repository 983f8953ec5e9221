package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static io.emporium.e2e.Shop.DECLINED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.testing.TestUser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The checkout saga's three outcomes, driven like a shopper through the edge: five services, each
 * its own process, cooperating only through SNS and SQS.
 */
@ExtendWith(RunningShop.class)
class CheckoutE2ETests {

  @Test
  void confirmsAnOrderChargesOnceNotifiesAndClearsTheCart(Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(10);

    String checkoutId = shop.buy(customer, sku, 2, APPROVED_CARD);
    JsonNode order = shop.awaitOutcome(customer, checkoutId);

    assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
    String orderId = order.get("orderId").asText();
    await()
        .atMost(Shop.OUTCOME_WITHIN)
        .untilAsserted(
            () -> {
              JsonNode stock = shop.stock(sku);
              assertThat(stock.get("onHand").asInt()).isEqualTo(8);
              assertThat(stock.get("reserved").asInt()).isZero();
            });
    // Confirmed means shipped: payment captures the authorization (OrderConfirmed).
    await()
        .atMost(Shop.OUTCOME_WITHIN)
        .untilAsserted(
            () -> {
              JsonNode payment = shop.payment(customer, orderId).expect(200).json();
              assertThat(payment.get("status").asText()).isEqualTo("CAPTURED");
              assertThat(kinds(payment)).containsExactly("AUTHORIZATION", "CAPTURE");
              assertThat(payment.at("/amount/amountMinor").asLong())
                  .isEqualTo(order.at("/total/amountMinor").asLong());
            });
    await()
        .atMost(Shop.OUTCOME_WITHIN)
        .untilAsserted(
            () -> {
              assertThat(shop.notifications(customer))
                  .anySatisfy(
                      n -> {
                        assertThat(n.get("orderId").asText()).isEqualTo(orderId);
                        assertThat(n.get("status").asText()).isEqualTo("SENT");
                      });
              assertThat(shop.emulatorState()).contains(customer.email());
              JsonNode cart = shop.cart(customer);
              assertThat(cart.get("status").asText()).isEqualTo("OPEN");
              assertThat(cart.get("lines")).isEmpty();
            });
  }

  @Test
  void cancelsADeclinedCardReleasesStockChargesNothingAndReopensTheCart(Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(10);

    String checkoutId = shop.buy(customer, sku, 3, DECLINED_CARD);
    JsonNode order = shop.awaitOutcome(customer, checkoutId);

    assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(order.at("/cancellation/code").asText()).isEqualTo("PAYMENT_DECLINED");
    assertThat(order.at("/cancellation/message").asText()).contains("declined");
    String orderId = order.get("orderId").asText();
    await()
        .atMost(Shop.OUTCOME_WITHIN)
        .untilAsserted(
            () -> {
              JsonNode stock = shop.stock(sku);
              assertThat(stock.get("onHand").asInt()).isEqualTo(10);
              assertThat(stock.get("available").asInt()).isEqualTo(10);
              assertThat(shop.notifications(customer))
                  .anySatisfy(n -> assertThat(n.get("orderId").asText()).isEqualTo(orderId));
              JsonNode cart = shop.cart(customer);
              assertThat(cart.get("status").asText()).isEqualTo("OPEN");
              assertThat(cart.get("lines")).hasSize(1);
            });
    JsonNode payment = shop.payment(customer, orderId).expect(200).json();
    assertThat(payment.get("status").asText()).isEqualTo("DECLINED");
    assertThat(kinds(payment)).doesNotContain("AUTHORIZATION");
  }

  @Test
  void cancelsWhenStockIsShortAndChargesNothing(Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(2);
    shop.addToCart(customer, sku, 2).expect(200);
    shop.setStock(sku, 1); // sold elsewhere after it was added

    String checkoutId =
        shop.checkout(customer, UUID.randomUUID().toString(), APPROVED_CARD)
            .expect(202)
            .json()
            .get("checkoutId")
            .asText();
    JsonNode order = shop.awaitOutcome(customer, checkoutId);

    assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(order.at("/cancellation/code").asText()).isEqualTo("OUT_OF_STOCK");
    assertThat(order.at("/cancellation/message").asText()).isNotBlank();
    assertThat(order.get("timeline").toString()).contains(sku);
    JsonNode stock = shop.stock(sku);
    assertThat(stock.get("onHand").asInt()).isEqualTo(1);
    assertThat(stock.get("reserved").asInt()).isZero();
    Shop.Reply payment = shop.payment(customer, order.get("orderId").asText()).expect(200, 404);
    if (payment.status() == 200) {
      assertThat(kinds(payment.json())).doesNotContain("AUTHORIZATION");
    }
  }

  static List<String> kinds(JsonNode payment) {
    return JsonList.of(payment.get("ledger")).stream().map(e -> e.get("kind").asText()).toList();
  }
}
