package io.emporium.platform.messaging.dynamodb;

import io.emporium.platform.messaging.MessagingProperties;
import java.time.Clock;
import java.time.Duration;

/**
 * What the relay needs from {@code emporium.messaging.relay}, plus the lease (how long a replica
 * owns the items it is publishing) and the clock, which tests replace.
 */
record RelaySettings(
    int batchSize,
    Duration pollInterval,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration lease,
    Clock clock) {

  /** Longer than any round takes (a round publishes at most batchSize events). */
  static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  RelaySettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("relay batch size must be positive: " + batchSize);
    }
  }

  static RelaySettings of(MessagingProperties.Relay relay) {
    return new RelaySettings(
        relay.batchSize(),
        relay.pollInterval(),
        relay.initialBackoff(),
        relay.maxBackoff(),
        DEFAULT_LEASE,
        Clock.systemUTC());
  }

  RelaySettings with(Clock clock, Duration lease) {
    return new RelaySettings(batchSize, pollInterval, initialBackoff, maxBackoff, lease, clock);
  }
}
