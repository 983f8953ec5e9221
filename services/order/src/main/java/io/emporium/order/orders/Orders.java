package io.emporium.order.orders;

import io.emporium.events.cart.CartCheckedOut;
import io.emporium.order.config.OrderProperties;
import io.emporium.order.orders.OrderStateMachine.Outcome;
import io.emporium.platform.messaging.r2dbc.R2dbcOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The saga's use cases. Each runs in the caller's transaction (the listener's, which also records
 * the event id) or its own (the deadline sweep), and appends the events it causes to the outbox in
 * that same transaction. In-process effects (status streams, metrics) run after commit.
 */
@Service
public class Orders {

  private static final Logger log = LoggerFactory.getLogger(Orders.class);

  private final OrderRepository repository;
  private final R2dbcOutbox outbox;
  private final StatusChanges changes;
  private final OrderMetrics metrics;
  private final OrderProperties properties;
  private final TransactionalOperator transactions;
  private final Clock clock = Clock.systemUTC();

  Orders(
      OrderRepository repository,
      R2dbcOutbox outbox,
      StatusChanges changes,
      OrderMetrics metrics,
      OrderProperties properties,
      TransactionalOperator transactions) {
    this.repository = repository;
    this.outbox = outbox;
    this.changes = changes;
    this.metrics = metrics;
    this.properties = properties;
    this.transactions = transactions;
  }

  /**
   * A PENDING order, with the id the cart minted (or a new one from an older cart), and
   * OrderPlaced; nothing at all when the checkout already has its order.
   */
  public Mono<Void> place(CartCheckedOut checkout, Instant checkedOutAt) {
    Instant now = clock.instant();
    Order order = OrderEvents.pending(checkout, checkedOutAt, now, properties.sagaDeadline());
    var first = new TimelineEntry(OrderStatus.PENDING, "CartCheckedOut", now, "order placed");
    return repository
        .insert(order, first)
        .flatMap(
            inserted -> {
              if (!inserted) {
                log.info("checkout {} already has its order: nothing placed", order.checkoutId());
                return Mono.empty();
              }
              log.info("order {} placed for checkout {}", order.id(), order.checkoutId());
              return outbox
                  .append(OrderEvents.placed(order, checkout))
                  .then(
                      AfterCommit.run(
                          () -> {
                            changes.publish(StatusChange.of(order, now));
                            metrics.placed();
                          }));
            });
  }

  /** Applies {@code signal} to the order, locked; an unknown order fails (and is retried). */
  public Mono<Void> apply(String orderId, SagaSignal signal) {
    UUID id;
    try {
      id = UUID.fromString(orderId);
    } catch (IllegalArgumentException e) {
      return Mono.error(new UnknownOrderException(orderId));
    }
    return repository
        .lock(id)
        .switchIfEmpty(Mono.error(() -> new UnknownOrderException(orderId)))
        .flatMap(order -> apply(order, signal));
  }

  /** Ids of open orders past their deadline (at most {@code limit}), except {@code skip}. */
  public Flux<UUID> overdue(int limit, Set<UUID> skip) {
    return repository.overdue(clock.instant(), limit, skip.toArray(UUID[]::new));
  }

  /**
   * Cancels (TIMEOUT) the order in a transaction of its own, if it is still open and past its
   * deadline: true when it was cancelled here. A failure rolls back this order only.
   */
  public Mono<Boolean> cancelIfOverdue(UUID orderId) {
    return transactions.transactional(
        repository
            .lockIfOverdue(orderId, clock.instant())
            .flatMap(
                order ->
                    apply(
                            order,
                            new SagaSignal.DeadlinePassed(
                                "no outcome before the deadline " + order.deadline()))
                        .thenReturn(true))
            .defaultIfEmpty(false));
  }

  private Mono<Void> apply(Order order, SagaSignal signal) {
    Instant now = clock.instant();
    Outcome outcome = OrderStateMachine.apply(order, signal);
    Order next = outcome.order();
    Mono<Void> update = next.equals(order) ? Mono.empty() : repository.update(next, now);
    if (!outcome.statusChanged()) {
      log.info("order {} ({}): {}", order.id(), order.status(), outcome.note());
      var entry = new TimelineEntry(order.status(), signal.name(), now, outcome.note());
      return update.then(repository.append(order.id(), entry));
    }
    log.info("order {} {} -> {} on {}", order.id(), order.status(), next.status(), signal.name());
    Flux<Void> entries =
        Flux.fromIterable(outcome.steps())
            .concatMap(
                step ->
                    repository.append(
                        order.id(),
                        new TimelineEntry(step.status(), signal.name(), now, step.detail())));
    Mono<Void> event =
        next.status().isFinal() ? outbox.append(OrderEvents.outcome(next)).then() : Mono.empty();
    return update
        .thenMany(entries)
        .then(event)
        .then(AfterCommit.run(() -> committed(outcome, now)));
  }

  private void committed(Outcome outcome, Instant at) {
    Order next = outcome.order();
    for (var step : outcome.steps()) {
      changes.publish(
          step.status() == next.status()
              ? StatusChange.of(next, at)
              : new StatusChange(next.id(), step.status(), null, at));
    }
    if (next.status().isFinal()) {
      metrics.completed(next, at);
    }
  }
}
