package io.emporium.events;

import java.util.Objects;

/** An amount in minor units (cents) of an ISO 4217 currency. */
public record Money(long amountMinor, String currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  public Money times(int quantity) {
    return new Money(Math.multiplyExact(amountMinor, quantity), currency);
  }

  public Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency mismatch: " + currency + " vs " + other.currency);
    }
    return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
  }
}
