package io.emporium.notification.email;

import io.emporium.events.Money;
import java.math.BigDecimal;
import java.util.Currency;

/** Money as customers read it in an email: {@code EUR 49.98}. */
public final class MoneyFormat {

  private MoneyFormat() {}

  public static String format(Money money) {
    int digits;
    try {
      digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
    } catch (IllegalArgumentException unknownCurrency) {
      digits = 2;
    }
    return money.currency() + " " + BigDecimal.valueOf(money.amountMinor(), digits).toPlainString();
  }
}
