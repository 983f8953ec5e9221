package io.emporium.order.orders;

import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The in-process feed of committed status changes, for the status streams of this replica (a stream
 * also polls, for changes another replica made). Best effort: a subscriber too slow to keep up
 * misses changes and catches up by polling.
 */
@Component
class StatusChanges {

  private final Sinks.Many<StatusChange> sink = Sinks.many().multicast().directBestEffort();

  synchronized void publish(StatusChange change) {
    sink.tryEmitNext(change);
  }

  Flux<StatusChange> of(UUID orderId) {
    return sink.asFlux().filter(change -> change.orderId().equals(orderId));
  }
}
