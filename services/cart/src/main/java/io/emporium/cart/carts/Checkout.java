package io.emporium.cart.carts;

import org.springframework.lang.Nullable;

/**
 * The 202 answer of {@code POST /api/cart/checkout}; the same Idempotency-Key gets it again. {@code
 * orderId} is the order the checkout becomes (minted here, UUID v7): the shopper can follow it at
 * once ({@code Location: /api/order/orders/{orderId}}).
 */
public record Checkout(
    String checkoutId, String cartId, @Nullable String orderId, CartStatus status) {

  static final String ORDER_PATH = "/api/order/orders/";

  String location() {
    return orderId == null ? null : ORDER_PATH + orderId;
  }
}
