package io.emporium.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.platform.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class LoopPulseTests {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LoopPulse pulse = new LoopPulse("sweeper", Duration.ofMinutes(2), clock, meters);

  @Test
  void isUpWhileRoundsEnd() {
    pulse.round(Mono.just(1)).block();
    clock.advance(Duration.ofMinutes(1));

    assertThat(pulse.health().getStatus()).isEqualTo(Status.UP);
    assertThat(meters.get("emporium.loop.idle").tag("loop", "sweeper").gauge().value())
        .isEqualTo(60.0);
  }

  @Test
  void aFailingRoundIsReportedButNotDown() {
    pulse.round(Mono.error(new IllegalStateException("database down"))).onErrorComplete().block();

    var health = pulse.health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("consecutiveFailures", 1)
        .containsEntry("lastFailure", "java.lang.IllegalStateException: database down");
  }

  @Test
  void isDownWhenARoundRunsPastTheLimit() {
    Sinks.Empty<Void> never = Sinks.empty();
    pulse.round(never.asMono()).subscribe();
    clock.advance(Duration.ofMinutes(3));

    assertThat(pulse.health().getStatus()).isEqualTo(Status.DOWN);
    never.tryEmitEmpty();
    assertThat(pulse.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void isDownWhenNoRoundStartsForTooLong() {
    pulse.round(Mono.empty()).block();
    clock.advance(Duration.ofMinutes(3));

    assertThat(pulse.health().getStatus()).isEqualTo(Status.DOWN);
  }
}
