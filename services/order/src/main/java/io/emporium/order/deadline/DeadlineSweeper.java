package io.emporium.order.deadline;

import io.emporium.order.config.OrderProperties;
import io.emporium.order.orders.Orders;
import io.emporium.platform.health.LoopPulse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Enforces the saga deadline: every {@code deadline-sweep-interval} it cancels (TIMEOUT) the open
 * orders past their deadline, earliest first, each in a transaction of its own. An order that fails
 * to cancel is logged, counted ({@code orders.deadline.failures}) and left for the next round; the
 * others are cancelled all the same. Replicas lock each order with {@code SKIP LOCKED}, so it is
 * cancelled once. A round has a timeout ({@code deadline-sweep-timeout}) and a {@link LoopPulse}
 * (health {@code sagaDeadline}): a round that hangs anyway shows as DOWN.
 */
@Component
class DeadlineSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

  private final Orders orders;
  private final OrderProperties properties;
  private final LoopPulse pulse;
  private final Counter failures;
  private volatile Disposable loop;

  DeadlineSweeper(
      Orders orders, OrderProperties properties, LoopPulse sagaDeadline, MeterRegistry meters) {
    this.orders = orders;
    this.properties = properties;
    this.pulse = sagaDeadline;
    this.failures =
        Counter.builder("orders.deadline.failures")
            .description(
                "overdue orders the deadline sweeper failed to cancel (retried next round)")
            .register(meters);
  }

  @Override
  public void start() {
    loop =
        Flux.interval(properties.deadlineSweepInterval())
            .onBackpressureDrop()
            .concatMap(tick -> pulse.round(sweep()).onErrorResume(this::roundFailed), 1)
            .subscribe();
    log.info(
        "saga deadline {} enforced every {}",
        properties.sagaDeadline(),
        properties.deadlineSweepInterval());
  }

  /** Batches of overdue orders until one comes back short; each order is tried once per round. */
  private Mono<Long> sweep() {
    Set<UUID> tried = ConcurrentHashMap.newKeySet();
    int size = properties.deadlineSweepBatch();
    return Mono.defer(() -> batch(tried))
        .expand(batch -> batch.fetched() >= size ? batch(tried) : Mono.empty())
        .map(Batch::cancelled)
        .reduce(0L, Long::sum)
        .doOnNext(
            n -> {
              if (n > 0) {
                log.info("saga deadline: {} overdue orders cancelled", n);
              }
            })
        .timeout(properties.deadlineSweepTimeout());
  }

  private Mono<Batch> batch(Set<UUID> tried) {
    return orders
        .overdue(properties.deadlineSweepBatch(), tried)
        .collectList()
        .flatMap(
            (List<UUID> ids) -> {
              tried.addAll(ids);
              return Flux.fromIterable(ids)
                  .concatMap(id -> orders.cancelIfOverdue(id).onErrorResume(e -> failed(id, e)))
                  .filter(Boolean::booleanValue)
                  .count()
                  .map(cancelled -> new Batch(ids.size(), cancelled));
            });
  }

  private Mono<Boolean> failed(UUID orderId, Throwable error) {
    failures.increment();
    log.error(
        "saga deadline: order {} could not be cancelled, retried next round: {}",
        orderId,
        error.toString());
    return Mono.just(false);
  }

  private Mono<Long> roundFailed(Throwable error) {
    log.warn("deadline sweep failed, retried next tick: {}", error.toString());
    return Mono.just(0L);
  }

  @Override
  public void stop() {
    Disposable current = loop;
    if (current != null) {
      current.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null && !loop.isDisposed();
  }

  /** How many overdue orders a batch found and how many it cancelled. */
  private record Batch(int fetched, long cancelled) {}
}
