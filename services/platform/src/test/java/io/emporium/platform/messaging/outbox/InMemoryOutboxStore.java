package io.emporium.platform.messaging.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * An outbox in a map, for the relay's unit tests: every event is due at once (no clock), a retry
 * records its delay, a dead letter leaves the due set. {@link #holdRounds()} makes rounds wait
 * until {@link #releaseRounds()}.
 */
final class InMemoryOutboxStore implements OutboxStore {

  final Map<UUID, PendingEvent> due = new LinkedHashMap<>();
  final Map<UUID, Settlement.Retry> retried = new LinkedHashMap<>();
  final Map<UUID, Settlement.DeadLetter> deadLettered = new LinkedHashMap<>();
  final List<UUID> published = new ArrayList<>();
  private volatile Sinks.Empty<Void> gate;
  volatile int rounds;

  synchronized void add(OutgoingEvent event) {
    due.put(event.id(), new PendingEvent(event, 0));
  }

  void holdRounds() {
    gate = Sinks.empty();
  }

  void releaseRounds() {
    gate.tryEmitEmpty();
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Duration statsInterval() {
    return Duration.ofHours(1);
  }

  @Override
  public Mono<Integer> relay(int limit, Function<List<PendingEvent>, Mono<Settlement>> round) {
    Mono<Void> wait = gate == null ? Mono.empty() : gate.asMono();
    return wait.then(
        Mono.defer(
            () -> {
              rounds++;
              List<PendingEvent> claimed = claim(limit);
              return claimed.isEmpty()
                  ? Mono.just(0)
                  : round.apply(claimed).doOnNext(this::settle).thenReturn(claimed.size());
            }));
  }

  @Override
  public Mono<OutboxStats> stats() {
    return Mono.fromSupplier(
        () -> {
          long retrying = due.values().stream().filter(e -> e.attempts() > 0).count();
          return new OutboxStats(due.size(), retrying, deadLettered.size(), null);
        });
  }

  private synchronized List<PendingEvent> claim(int limit) {
    return due.values().stream().limit(limit).toList();
  }

  private synchronized void settle(Settlement settlement) {
    settlement.published().forEach(due::remove);
    published.addAll(settlement.published());
    for (var retry : settlement.retries()) {
      retried.put(retry.event().id(), retry);
      due.put(retry.event().id(), new PendingEvent(retry.event().event(), retry.attempts()));
    }
    for (var dead : settlement.deadLetters()) {
      deadLettered.put(dead.event().id(), dead);
      due.remove(dead.event().id());
    }
  }
}
