package io.emporium.payment.provider;

/** What the provider answered to an authorization. */
public sealed interface AuthorizationResult {

  /** The amount is held; {@code authorizationCode} identifies the hold at the provider. */
  record Approved(String authorizationCode) implements AuthorizationResult {}

  /** Refused; {@code reasonCode} is machine-readable (e.g. {@code card_declined}). */
  record Declined(String reasonCode, String message) implements AuthorizationResult {}
}
