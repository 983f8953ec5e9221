package io.emporium.payment.payments;

import io.emporium.events.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * One movement of a payment, append-only.
 *
 * @param reference the authorization code, the decline reason, or the provider's payment id
 *     (capture, void, refund)
 */
public record LedgerEntry(UUID entryId, Kind kind, Money amount, Instant at, String reference) {

  /** What happened to the money. */
  public enum Kind {
    AUTHORIZATION,
    DECLINE,
    CAPTURE,
    VOID,
    REFUND
  }

  static LedgerEntry of(Kind kind, Money amount, String reference) {
    return new LedgerEntry(UUID.randomUUID(), kind, amount, Instant.now(), reference);
  }
}
