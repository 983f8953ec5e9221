package io.emporium.bench.shop;

import java.util.Map;

/**
 * A shopper the load acts as: the customer id the shop knows them by and the headers that say who
 * they are (a Cognito access token once the shop requires one; before that the identity header).
 */
public record Shopper(String customerId, String email, Map<String, String> headers) {

  /** Identified by the {@code X-Customer-Id} header (the shop before sign-in was required). */
  public static Shopper byHeader(String customerId) {
    return new Shopper(
        customerId, customerId + "@example.com", Map.of("X-Customer-Id", customerId));
  }
}
