package io.emporium.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.Money;
import io.emporium.payment.provider.AuthorizationResult.Approved;
import io.emporium.payment.provider.AuthorizationResult.Declined;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedPaymentProviderTests {

  private static final Money AMOUNT = new Money(4998, "EUR");

  private final SimulatedPaymentProvider provider =
      new SimulatedPaymentProvider(1_000_000, Duration.ZERO);

  @Test
  void approvesTheSuccessCard() {
    var result = authorize("ord-1", "tok_4242424242424242", AMOUNT);

    assertThat(result).isInstanceOf(Approved.class);
    assertThat(((Approved) result).authorizationCode()).startsWith("auth_");
    assertThat(provider.approvedCharges()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "tok_4000000000000002, card_declined",
    "tok_4000000000009995, insufficient_funds",
    "tok_4111111111111111, invalid_payment_method",
    "not-a-token, invalid_payment_method"
  })
  void declinesTheOtherCards(String token, String reason) {
    var result = authorize("ord-" + token, token, AMOUNT);

    assertThat(result)
        .isInstanceOfSatisfying(
            Declined.class,
            d -> {
              assertThat(d.reasonCode()).isEqualTo(reason);
              assertThat(d.message()).isNotBlank();
            });
    assertThat(provider.approvedCharges()).isZero();
  }

  @Test
  void declinesAmountsAboveTheLimitEvenOnTheSuccessCard() {
    var atLimit = authorize("ord-at", "tok_4242424242424242", new Money(1_000_000, "EUR"));
    var above = authorize("ord-above", "tok_4242424242424242", new Money(1_000_001, "EUR"));

    assertThat(atLimit).isInstanceOf(Approved.class);
    assertThat(above).isEqualTo(new Declined("amount_limit", ((Declined) above).message()));
  }

  @Test
  void sameIdempotencyKeyReturnsTheFirstResultAndChargesOnce() {
    var first = authorize("ord-1", "tok_4242424242424242", AMOUNT);
    var again = authorize("ord-1", "tok_4242424242424242", AMOUNT);

    assertThat(again).isEqualTo(first);
    assertThat(provider.approvedCharges()).isEqualTo(1);
  }

  @Test
  void voidIsIdempotentByKey() {
    String first = provider.voidAuthorization("void-ord-1", "auth_1").block();
    String again = provider.voidAuthorization("void-ord-1", "auth_1").block();

    assertThat(first).startsWith("void_").isEqualTo(again);
  }

  @Test
  void answersAfterTheConfiguredLatency() {
    var slow = new SimulatedPaymentProvider(1_000_000, Duration.ofMillis(200));
    long start = System.nanoTime();

    slow.authorize("ord-1", "tok_4242424242424242", AMOUNT).block();

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  private AuthorizationResult authorize(String key, String token, Money amount) {
    return provider.authorize(key, token, amount).block();
  }
}
