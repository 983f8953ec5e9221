package io.emporium.chaos.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CardsTests {

  @Test
  void drawsCardsInTheirProportions() {
    Random random = new Random(42);
    Map<String, Long> drawn =
        IntStream.range(0, 10_000)
            .mapToObj(i -> Cards.troubledProvider().draw(random))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

    assertThat(drawn.get(Cards.APPROVED)).isBetween(5_700L, 6_300L);
    assertThat(drawn.get(Cards.ANSWERS_LATE)).isBetween(1_300L, 1_700L);
    assertThat(drawn.get(Cards.PROVIDER_ERROR)).isBetween(1_300L, 1_700L);
  }

  @Test
  void theSameSeedDrawsTheSameCards() {
    Random first = new Random(7);
    Random second = new Random(7);

    for (int i = 0; i < 100; i++) {
      assertThat(Cards.usual().draw(first)).isEqualTo(Cards.usual().draw(second));
    }
  }
}
