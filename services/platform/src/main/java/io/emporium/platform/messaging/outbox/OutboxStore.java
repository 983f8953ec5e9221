package io.emporium.platform.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The port between the relay and where a service keeps its outbox (PostgreSQL over R2DBC, or
 * DynamoDB). The relay decides; the store claims, deletes and reschedules.
 */
public interface OutboxStore {

  /** The {@code store} tag of the outbox meters: {@code r2dbc}, {@code dynamodb}. */
  String name();

  /**
   * Claims up to {@code limit} due events so that no other replica publishes them meanwhile (row
   * locks held until the round commits, or leases), hands them to {@code round}, and applies the
   * settlement it returns. Emits how many due events it found (0 when the outbox is idle).
   */
  Mono<Integer> relay(int limit, Function<List<PendingEvent>, Mono<Settlement>> round);

  /** Counts what waits in the outbox (for the lag gauges). */
  Mono<OutboxStats> stats();

  /** How often the relay refreshes {@link #stats()}: it costs a query per refresh. */
  default Duration statsInterval() {
    return Duration.ofSeconds(15);
  }
}
