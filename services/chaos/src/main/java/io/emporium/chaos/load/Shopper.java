package io.emporium.chaos.load;

/**
 * One customer of the load, signed in: its customer id (the Cognito {@code sub}), its email (the
 * account's, where the order's emails go) and its access token.
 */
public record Shopper(String customerId, String email, String accessToken) {}
