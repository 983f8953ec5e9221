package io.emporium.platform.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.messaging.*}: who this service is in topology.yaml, which environment's names to
 * use, and how the outbox relay and the listeners retry.
 *
 * @param service this service's name in topology.yaml (producer and consumer)
 * @param env the environment in topic and queue names ({@code emporium-<env>-...})
 * @param store where the outbox, processed events and failures live: {@code r2dbc} (PostgreSQL
 *     tables from {@code db/platform}) or {@code dynamodb} (tables {@code
 *     emporium-<env>-<service>-outbox} and {@code -inbox})
 */
@Validated
@ConfigurationProperties("emporium.messaging")
public record MessagingProperties(
    @NotBlank String service,
    @NotBlank @DefaultValue("local") String env,
    @NotBlank @Pattern(regexp = "r2dbc|dynamodb") @DefaultValue("r2dbc") String store,
    @Valid @NotNull @DefaultValue Relay relay,
    @Valid @NotNull @DefaultValue Listener listener) {

  /**
   * @param pollInterval how soon an idle relay looks for new rows after an empty round; each
   *     further empty round doubles the pause up to {@code maxIdleInterval}
   * @param maxIdleInterval the longest pause of an idle relay: 5 s, because an append in this
   *     process wakes the relay at once, so the idle polls only find rows another replica wrote and
   *     did not publish (it crashed) and retries that came due; each poll costs a query (the cart:
   *     one per outbox shard), so a shorter pause is a steady cost (issue 18: 1 s cost the idle
   *     cart 4 Query/s)
   * @param batchSize rows claimed per round (published 10 per PublishBatch request)
   * @param initialBackoff delay before the first retry of a row that failed to publish
   * @param maxBackoff the cap of the exponential backoff: 30 s, so the relay catches up within half
   *     a minute of an outage's end, far inside the saga deadline (issue 14 defect 5)
   * @param deadLetterAfter attempts after which an event SNS rejects for good (a sender fault, an
   *     event too large for SNS) is dead-lettered in the outbox instead of retried (kept, never due
   *     again, counted by {@code emporium.outbox.dead.lettered}); 0 retries it forever. Outages and
   *     throttling are always retried.
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("100ms") Duration pollInterval,
      @NotNull @DefaultValue("5s") Duration maxIdleInterval,
      @Min(1) @DefaultValue("50") int batchSize,
      @NotNull @DefaultValue("1s") Duration initialBackoff,
      @NotNull @DefaultValue("30s") Duration maxBackoff,
      @Min(0) @DefaultValue("3") int deadLetterAfter) {}

  /** Visibility-timeout backoff of a failed message: initial × multiplier^(receives-1), capped. */
  public record Listener(
      @DefaultValue("1") int initialBackoffSeconds,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("300") int maxBackoffSeconds) {}
}
