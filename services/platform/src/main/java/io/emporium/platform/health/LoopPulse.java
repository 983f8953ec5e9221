package io.emporium.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The pulse of a background loop (the saga deadline sweeper, the outbox relay): each round is run
 * through {@link #round}, which notes when it starts and ends. Its health is DOWN when a round has
 * run longer than {@code stalledAfter}, or no round has started for that long: the loop hangs.
 * Rounds carry their own timeouts, so a hang means a bug, a dead subscription or starved threads,
 * and restarting the service (liveness) is the cure. A round that fails (its database or AWS is
 * down) still ends: it is reported, not DOWN — a restart would not help.
 *
 * <p>Metric: {@code emporium.loop.idle.seconds{loop}}, the time since the last round ended (or,
 * while one runs, since it started): the alarm for a stalled loop.
 */
public final class LoopPulse implements HealthIndicator {

  private final String loop;
  private final Duration stalledAfter;
  private final Clock clock;
  private final Instant born;
  private volatile Instant roundStarted;
  private volatile Instant lastEnded;
  private volatile Duration lastTook;
  private volatile String lastFailure;
  private volatile int consecutiveFailures;

  public LoopPulse(String loop, Duration stalledAfter, Clock clock, MeterRegistry meters) {
    this.loop = loop;
    this.stalledAfter = stalledAfter;
    this.clock = clock;
    this.born = clock.instant();
    Gauge.builder("emporium.loop.idle", this, LoopPulse::idleSeconds)
        .tag("loop", loop)
        .baseUnit("seconds")
        .description("time since the loop's last round ended, or since the running one started")
        .register(meters);
  }

  /** {@code round}, watched: its start, end, duration and failure are noted. */
  public <T> Mono<T> round(Mono<T> round) {
    return Mono.defer(
        () -> {
          Instant started = clock.instant();
          roundStarted = started;
          return round
              .doOnSuccess(result -> ended(started, null))
              .doOnError(error -> ended(started, error.toString()))
              .doOnCancel(() -> ended(started, "cancelled"));
        });
  }

  private void ended(Instant started, String failure) {
    Instant now = clock.instant();
    lastEnded = now;
    lastTook = Duration.between(started, now);
    roundStarted = null;
    if (failure == null) {
      consecutiveFailures = 0;
    } else {
      lastFailure = failure;
      consecutiveFailures++;
    }
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    Instant running = roundStarted;
    Instant ended = lastEnded;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("loop", loop);
    if (ended != null) {
      details.put("lastRoundEnded", ended.toString());
      details.put("lastRoundTook", lastTook.toString());
    }
    if (lastFailure != null) {
      details.put("lastFailure", lastFailure);
      details.put("consecutiveFailures", consecutiveFailures);
    }
    Health.Builder health = Health.up();
    if (running != null && Duration.between(running, now).compareTo(stalledAfter) > 0) {
      health = Health.down().withDetail("stalled", "a round has run since " + running);
    } else if (running == null
        && Duration.between(ended == null ? born : ended, now).compareTo(stalledAfter) > 0) {
      health = Health.down().withDetail("stalled", "no round for over " + stalledAfter);
    }
    return health.withDetails(details).build();
  }

  private double idleSeconds() {
    Instant running = roundStarted;
    Instant since = running != null ? running : lastEnded != null ? lastEnded : born;
    return Duration.between(since, clock.instant()).toMillis() / 1000.0;
  }
}
