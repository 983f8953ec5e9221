package io.emporium.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.platform.messaging.outbox.RelaySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The outbox's defaults keep the saga deadline's promise (issue 14 defect 5): a row waits at most
 * 30 s between tries (not 5 min of a 10 min deadline), so the relay catches up right after an
 * outage; and an event SNS rejects for good is dead-lettered in the outbox instead of tried
 * forever.
 */
class RelayDefaultsTests {

  private final MessagingProperties defaults =
      new Binder(new MapConfigurationPropertySource(Map.of("emporium.messaging.service", "order")))
          .bind("emporium.messaging", MessagingProperties.class)
          .get();

  @Test
  void aFailedPublishIsTriedAgainWithinHalfAMinute() {
    assertThat(defaults.relay().maxBackoff()).isLessThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void anEventSnsRejectsForGoodIsDeadLetteredAfterAFewAttempts() {
    assertThat(defaults.relay().deadLetterAfter()).isBetween(1, 5);
  }

  @Test
  void anIdleRelayPollsEveryFewSecondsNotEverySecond() {
    // An append wakes the relay at once; the idle polls cost a query each (the cart: one per
    // shard).
    var settings = RelaySettings.of(defaults.relay(), Clock.systemUTC());
    assertThat(settings.idleCap()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.pollInterval()).isLessThan(Duration.ofSeconds(1));
  }
}
