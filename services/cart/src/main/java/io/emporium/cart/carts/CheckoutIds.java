package io.emporium.cart.carts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The checkout id of a customer's Idempotency-Key: a name-based UUID, so a retried request names
 * the same checkout (and the order service, which deduplicates on it, the same order).
 */
final class CheckoutIds {

  private CheckoutIds() {}

  static String of(String customerId, String idempotencyKey) {
    String name = "emporium/cart/checkout/" + customerId + "/" + idempotencyKey;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
