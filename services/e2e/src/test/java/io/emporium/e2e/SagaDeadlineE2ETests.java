package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.testing.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A participant that is down cannot hold an order forever: the order service cancels it at its
 * deadline and the stock comes back. Nothing is lost meanwhile: when payment returns it works
 * through its backlog and never leaves the cancelled order charged.
 */
@ExtendWith(RunningShop.class)
class SagaDeadlineE2ETests {

  @Test
  void cancelsAtTheDeadlineWhilePaymentIsDownAndReleasesTheStock(Shop shop) {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(10);
    shop.stack().stopService("payment");
    boolean paymentDown = true;
    try {
      String checkoutId = shop.buy(customer, sku, 4, APPROVED_CARD);

      JsonNode reserved =
          shop.awaitOrder(
              customer, checkoutId, o -> o.get("status").asText().equals("STOCK_RESERVED"));
      assertThat(shop.stock(sku).get("reserved").asInt()).isEqualTo(4);
      JsonNode cancelled = shop.awaitOutcome(customer, checkoutId);

      assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
      assertThat(cancelled.at("/cancellation/code").asText()).isEqualTo("TIMEOUT");
      String orderId = reserved.get("orderId").asText();
      await()
          .atMost(Shop.OUTCOME_WITHIN)
          .untilAsserted(
              () -> {
                JsonNode stock = shop.stock(sku);
                assertThat(stock.get("reserved").asInt()).isZero();
                assertThat(stock.get("onHand").asInt()).isEqualTo(10);
              });

      shop.stack().startService("payment");
      paymentDown = false;
      await()
          .atMost(Shop.OUTCOME_WITHIN)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                Shop.Reply payment = shop.payment(customer, orderId).expect(200);
                assertThat(payment.json().get("status").asText())
                    .isIn("VOIDED", "REFUNDED", "CANCELLED");
              });
      assertThat(shop.get(customer, "/api/order/orders/" + orderId).json().get("status").asText())
          .isEqualTo("CANCELLED");
    } finally {
      if (paymentDown) {
        shop.stack().startService("payment");
      }
    }
  }
}
