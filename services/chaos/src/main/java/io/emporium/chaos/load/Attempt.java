package io.emporium.chaos.load;

import java.time.Instant;
import java.util.Map;

/**
 * One shopper's checkout: what it put in the cart and paid with, and whether the shop accepted it
 * (a checkout id, with when) or why not.
 */
public record Attempt(
    Shopper shopper,
    Map<String, Integer> lines,
    String card,
    String checkoutId,
    Instant acceptedAt,
    int retries,
    String refusal) {

  public boolean accepted() {
    return checkoutId != null;
  }
}
