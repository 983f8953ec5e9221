package io.emporium.platform.messaging.outbox;

import io.emporium.platform.messaging.MessagingProperties;
import java.time.Clock;
import java.time.Duration;

/**
 * What the relay needs from {@code emporium.messaging.relay}, plus the clock, which tests replace.
 *
 * @param pollInterval the first idle pause; consecutive empty rounds double it up to {@code
 *     idleCap}
 * @param idleCap the longest an idle relay waits between polls (unless the poll interval is longer)
 */
public record RelaySettings(
    boolean enabled,
    int batchSize,
    Duration pollInterval,
    Duration idleCap,
    PublishRetries retries,
    Clock clock) {

  /**
   * The longest a round may run (it publishes at most batchSize events) before it is cancelled:
   * what it claimed goes back to the outbox (a rolled-back transaction, or a lease that expires).
   */
  static final Duration ROUND_TIMEOUT = Duration.ofMinutes(1);

  public RelaySettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("relay batch size must be positive: " + batchSize);
    }
  }

  public static RelaySettings of(MessagingProperties.Relay relay, Clock clock) {
    return new RelaySettings(
        relay.enabled(),
        relay.batchSize(),
        relay.pollInterval(),
        relay.maxIdleInterval(),
        new PublishRetries(
            new Backoff(relay.initialBackoff(), relay.maxBackoff()), relay.deadLetterAfter()),
        clock);
  }

  /**
   * When the relay's pulse says it hangs: no round has started, or one has run, for two round
   * timeouts plus the longest idle pause.
   */
  Duration stalledAfter() {
    return ROUND_TIMEOUT.multipliedBy(2).plus(maxIdleInterval());
  }

  Duration maxIdleInterval() {
    return pollInterval.compareTo(idleCap) > 0 ? pollInterval : idleCap;
  }
}
