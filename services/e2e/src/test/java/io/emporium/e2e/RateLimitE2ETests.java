package io.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.platform.testing.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The edge's per-customer limits with real tokens: a burst beyond the bucket is answered 429 with
 * Retry-After and never reaches the cart; a shopper's ordinary pace is never limited, and one
 * shopper's burst does not limit another.
 */
@ExtendWith(RunningShop.class)
class RateLimitE2ETests {

  @Test
  void aBurstOfCheckoutsBeyondTheLimitGets429WithRetryAfter(Shop shop) {
    TestUser hasty = shop.newCustomer();
    for (int i = 0; i < RunningShop.CHECKOUTS_PER_CUSTOMER; i++) {
      // an empty cart: the cart answers 422, but each attempt counts at the edge
      shop.checkout(hasty, UUID.randomUUID().toString(), Shop.APPROVED_CARD).expect(422);
    }

    Shop.Reply limited =
        shop.checkout(hasty, UUID.randomUUID().toString(), Shop.APPROVED_CARD).expect(429);

    assertThat(limited.contentType()).startsWith("application/problem+json");
    assertThat(limited.json().get("type").asText())
        .isEqualTo("https://emporium.io/problems/too-many-requests");
    assertThat(Long.parseLong(limited.response().headers().firstValue("Retry-After").orElseThrow()))
        .isPositive();
    shop.checkout(shop.newCustomer(), UUID.randomUUID().toString(), Shop.APPROVED_CARD).expect(422);
  }

  @Test
  void aBurstOfCartWritesIsLimitedButReadsAndOrdinaryShoppingAreNot(Shop shop) {
    String sku = shop.productWithStock(50);
    TestUser ordinary = shop.newCustomer();
    for (int i = 0; i < 10; i++) {
      shop.get(ordinary, "/api/cart").expect(200);
      shop.addToCart(ordinary, sku, 1).expect(200);
    }

    TestUser script = shop.newCustomer();
    int accepted = 0;
    Shop.Reply last = null;
    for (int i = 0; i < RunningShop.CART_WRITES_PER_CUSTOMER + 5; i++) {
      last = shop.put(script, "/api/cart/items/" + sku, Map.of("quantity", 1));
      if (last.status() == 429) {
        break;
      }
      accepted++;
    }

    // the bucket refills one token every 90 s: a slow burst may earn one more
    assertThat(accepted)
        .isBetween(RunningShop.CART_WRITES_PER_CUSTOMER, RunningShop.CART_WRITES_PER_CUSTOMER + 1);
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.response().headers().firstValue("Retry-After")).isPresent();
    shop.get(script, "/api/cart").expect(200);
    shop.addToCart(ordinary, sku, 1).expect(200);
  }
}
