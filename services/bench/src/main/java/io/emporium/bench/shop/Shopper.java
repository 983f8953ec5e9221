package io.emporium.bench.shop;

import java.util.Map;

/**
 * A shopper the load acts as: the customer id the shop knows them by and the headers that say who
 * they are (their Cognito access token).
 */
public record Shopper(String customerId, String email, Map<String, String> headers) {}
