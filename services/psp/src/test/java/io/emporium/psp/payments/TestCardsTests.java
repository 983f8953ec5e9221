package io.emporium.psp.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.psp.payments.TestCards.Approve;
import io.emporium.psp.payments.TestCards.Decline;
import io.emporium.psp.payments.TestCards.Fail;
import org.junit.jupiter.api.Test;

class TestCardsTests {

  private static final Amount AMOUNT = new Amount(4998L, "EUR");
  private final TestCards cards = new TestCards(1_000_000);

  @Test
  void keepsTheShopsTestCards() {
    assertThat(cards.verdict("tok_4242424242424242", AMOUNT)).isEqualTo(new Approve(false));
    assertThat(cards.verdict("tok_4000000000000002", AMOUNT))
        .isInstanceOfSatisfying(
            Decline.class, d -> assertThat(d.code()).isEqualTo("card_declined"));
    assertThat(cards.verdict("tok_4000000000009995", AMOUNT))
        .isInstanceOfSatisfying(
            Decline.class, d -> assertThat(d.code()).isEqualTo("insufficient_funds"));
  }

  @Test
  void theSlowCardApprovesLateAndTheErrorCardFails() {
    assertThat(cards.verdict("tok_4000000000000044", AMOUNT)).isEqualTo(new Approve(true));
    assertThat(cards.verdict("tok_4000000000000119", AMOUNT)).isInstanceOf(Fail.class);
  }

  @Test
  void declinesAboveTheLimitWhateverTheCard() {
    assertThat(cards.verdict("tok_4242424242424242", new Amount(1_000_000L, "EUR")))
        .isInstanceOf(Approve.class);
    assertThat(cards.verdict("tok_4242424242424242", new Amount(1_000_001L, "EUR")))
        .isInstanceOfSatisfying(Decline.class, d -> assertThat(d.code()).isEqualTo("amount_limit"));
  }
}
