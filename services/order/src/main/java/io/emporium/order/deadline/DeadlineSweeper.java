package io.emporium.order.deadline;

import io.emporium.order.config.OrderProperties;
import io.emporium.order.orders.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Enforces the saga deadline: every {@code deadline-sweep-interval} it cancels (TIMEOUT) the open
 * orders past their deadline, batch after batch until none is left. Replicas claim rows with {@code
 * FOR UPDATE SKIP LOCKED}, so each overdue order is cancelled once. A failed sweep is logged and
 * the next tick tries again.
 */
@Component
class DeadlineSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

  private final Orders orders;
  private final OrderProperties properties;
  private volatile Disposable loop;

  DeadlineSweeper(Orders orders, OrderProperties properties) {
    this.orders = orders;
    this.properties = properties;
  }

  @Override
  public void start() {
    loop =
        Flux.interval(properties.deadlineSweepInterval())
            .onBackpressureDrop()
            .concatMap(tick -> sweep(), 1)
            .subscribe();
    log.info(
        "saga deadline {} enforced every {}",
        properties.sagaDeadline(),
        properties.deadlineSweepInterval());
  }

  /** Batches until one comes back short (no more overdue orders). */
  private Mono<Long> sweep() {
    return Mono.defer(orders::cancelOverdue)
        .expand(n -> n >= properties.deadlineSweepBatch() ? orders.cancelOverdue() : Mono.empty())
        .reduce(0L, Long::sum)
        .doOnNext(
            n -> {
              if (n > 0) {
                log.info("saga deadline: {} overdue orders cancelled", n);
              }
            })
        .onErrorResume(
            e -> {
              log.warn("deadline sweep failed, retried next tick: {}", e.toString());
              return Mono.just(0L);
            });
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
}
