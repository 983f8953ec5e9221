package io.emporium.cart.carts;

/** OPEN carts take changes; a CHECKED_OUT cart is locked until its order is confirmed or not. */
public enum CartStatus {
  OPEN,
  CHECKED_OUT
}
