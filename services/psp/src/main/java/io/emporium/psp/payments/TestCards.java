package io.emporium.psp.payments;

/**
 * What the simulated issuer says to a card, by token ({@code tok_<card number>}, the usual test
 * cards):
 *
 * <ul>
 *   <li>{@value #APPROVES} approves;
 *   <li>{@value #DECLINES} declines {@code card_declined}, {@value #INSUFFICIENT_FUNDS} declines
 *       {@code insufficient_funds}, any other token declines {@code invalid_payment_method};
 *   <li>{@value #SLOW} approves, but answers only after {@code emporium.psp.slow-answer-delay} (the
 *       caller times out while the amount is already held: its outcome is unknown to it);
 *   <li>{@value #ERROR} fails with a 500 and records nothing (every time, also on retry).
 * </ul>
 *
 * Amounts above the limit decline {@code amount_limit}, whatever the card.
 */
final class TestCards {

  static final String APPROVES = "tok_4242424242424242";
  static final String DECLINES = "tok_4000000000000002";
  static final String INSUFFICIENT_FUNDS = "tok_4000000000009995";
  static final String SLOW = "tok_4000000000000044";
  static final String ERROR = "tok_4000000000000119";

  /** The issuer's answer. */
  sealed interface Verdict {}

  /** Held; {@code slow}: answer late. */
  record Approve(boolean slow) implements Verdict {}

  record Decline(String code, String message) implements Verdict {}

  /** The issuer could not be reached: a 500 and nothing recorded. */
  record Fail() implements Verdict {}

  private final long maxAmountMinor;

  TestCards(long maxAmountMinor) {
    this.maxAmountMinor = maxAmountMinor;
  }

  Verdict verdict(String token, Amount amount) {
    if (ERROR.equals(token)) {
      return new Fail();
    }
    if (amount.amountMinor() > maxAmountMinor) {
      return new Decline(
          "amount_limit", "The amount exceeds the limit of " + maxAmountMinor + " minor units.");
    }
    return switch (token) {
      case APPROVES -> new Approve(false);
      case SLOW -> new Approve(true);
      case DECLINES -> new Decline("card_declined", "The card was declined.");
      case INSUFFICIENT_FUNDS ->
          new Decline("insufficient_funds", "The card has insufficient funds.");
      default -> new Decline("invalid_payment_method", "The payment method is not valid.");
    };
  }
}
