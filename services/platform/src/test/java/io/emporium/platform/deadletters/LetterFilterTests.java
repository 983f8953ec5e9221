package io.emporium.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LetterFilterTests {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private static DeadLetter letter(String type, String subject, Duration age) {
    return new DeadLetter(
        "msg-1", "evt-1", type, subject, 5, NOW.minus(age), "msg-0", 1, "pass", "{}");
  }

  @Test
  void everyGivenCriterionMustHold() {
    var filter =
        new LetterFilter(
            Set.of("order.OrderPlaced.v1"), Set.of(), Set.of("ord-1"), Duration.ofHours(1));

    assertThat(filter.matches(letter("order.OrderPlaced.v1", "ord-1", Duration.ofHours(2)), NOW))
        .isTrue();
    assertThat(filter.matches(letter("order.OrderPlaced.v1", "ord-2", Duration.ofHours(2)), NOW))
        .isFalse();
    assertThat(filter.matches(letter("order.OrderCancelled.v1", "ord-1", Duration.ofHours(2)), NOW))
        .isFalse();
    assertThat(filter.matches(letter("order.OrderPlaced.v1", "ord-1", Duration.ofMinutes(5)), NOW))
        .isFalse();
  }

  @Test
  void anIdNamesTheMessageItsEventOrItsFirstMessage() {
    var letter = letter("t", "s", Duration.ZERO);
    assertThat(LetterFilter.ofIds(Set.of("msg-1")).matches(letter, NOW)).isTrue();
    assertThat(LetterFilter.ofIds(Set.of("evt-1")).matches(letter, NOW)).isTrue();
    assertThat(LetterFilter.ofIds(Set.of("msg-0")).matches(letter, NOW)).isTrue();
    assertThat(LetterFilter.ofIds(Set.of("other")).matches(letter, NOW)).isFalse();
    assertThat(LetterFilter.all().matches(letter, NOW)).isTrue();
  }

  @Test
  void describesItselfAsOnCallTypedIt() {
    assertThat(LetterFilter.all().describe()).isEqualTo("(all)");
    assertThat(
            new LetterFilter(Set.of("a"), Set.of("x"), Set.of(), Duration.ofMinutes(10)).describe())
        .isEqualTo("--type a --id x --older-than PT10M");
  }
}
