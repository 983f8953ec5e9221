package io.emporium.cart.carts;

/** The 202 answer of {@code POST /api/cart/checkout}; the same Idempotency-Key gets it again. */
public record Checkout(String checkoutId, String cartId, CartStatus status) {}
