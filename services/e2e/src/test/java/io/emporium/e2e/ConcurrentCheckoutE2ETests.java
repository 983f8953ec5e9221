package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.testing.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many shoppers racing for the last units: stock is never oversold, never negative. */
@ExtendWith(RunningShop.class)
class ConcurrentCheckoutE2ETests {

  private static final int SHOPPERS = 20;
  private static final int UNITS = 5;

  @Test
  void twentyCheckoutsForFiveUnitsConfirmExactlyFive(Shop shop) throws Exception {
    String sku = shop.productWithStock(UNITS);
    List<TestUser> customers = new ArrayList<>();
    for (int i = 0; i < SHOPPERS; i++) {
      TestUser customer = shop.newCustomer();
      shop.addToCart(customer, sku, 1).expect(200, 201);
      customers.add(customer);
    }
    List<Integer> availableSeen = new CopyOnWriteArrayList<>();
    AtomicBoolean racing = new AtomicBoolean(true);

    try (ExecutorService pool = Executors.newFixedThreadPool(SHOPPERS + 1)) {
      pool.submit(
          () -> {
            while (racing.get()) {
              availableSeen.add(shop.stock(sku).get("available").asInt());
              Thread.sleep(100);
            }
            return null;
          });
      List<CompletableFuture<JsonNode>> outcomes =
          customers.stream()
              .map(
                  customer ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            String checkoutId =
                                shop.checkout(customer, "race-" + customer.id(), APPROVED_CARD)
                                    .expect(202)
                                    .json()
                                    .get("checkoutId")
                                    .asText();
                            return shop.awaitOutcome(customer, checkoutId);
                          },
                          pool))
              .toList();
      CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).join();
      racing.set(false);

      Map<String, Long> byOutcome =
          outcomes.stream()
              .map(CompletableFuture::join)
              .collect(
                  Collectors.groupingBy(
                      order ->
                          order.get("status").asText()
                              + " "
                              + order.at("/cancellation/code").asText(""),
                      Collectors.counting()));
      assertThat(byOutcome)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "CONFIRMED ", (long) UNITS, "CANCELLED OUT_OF_STOCK", (long) SHOPPERS - UNITS));
    }
    // the catalog settles the last reservations when their OrderConfirmed arrives: eventually
    await()
        .atMost(Shop.OUTCOME_WITHIN)
        .untilAsserted(
            () -> {
              JsonNode stock = shop.stock(sku);
              assertThat(stock.get("onHand").asInt()).isZero();
              assertThat(stock.get("reserved").asInt()).isZero();
            });
    assertThat(availableSeen).isNotEmpty().allMatch(available -> available >= 0);
  }
}
