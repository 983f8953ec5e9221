package io.emporium.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.chaos.load.Attempt;
import io.emporium.chaos.load.Shopper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseCheckTests {

  @Test
  void countsWhyCheckoutsWereNotAcceptedMostFrequentFirstWithIdsBlanked() {
    List<Attempt> attempts =
        List.of(
            accepted(),
            refused("checkout: gave up (no answer in time)"),
            refused("add item: 409 {\"cartId\":\"5528af55-1be0-4d46-8441-bf3aefbe7a31\"}"),
            refused("add item: 409 {\"cartId\":\"f1953045-a32e-4b1a-b8e1-e451960c42af\"}"));

    assertThat(PhaseCheck.refusals(attempts))
        .containsExactly(
            "2 × add item: 409 {\"cartId\":\"…\"}", "1 × checkout: gave up (no answer in time)");
  }

  private static Attempt accepted() {
    return new Attempt(shopper(), Map.of("AUD-1", 1), "card", "c-1", Instant.now(), 0, null);
  }

  private static Attempt refused(String why) {
    return new Attempt(shopper(), Map.of("AUD-1", 1), "card", null, null, 3, why);
  }

  private static Shopper shopper() {
    return new Shopper("u-1", "u-1@example.com", "token");
  }
}
