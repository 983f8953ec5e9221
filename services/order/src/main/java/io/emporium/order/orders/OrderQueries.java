package io.emporium.order.orders;

import io.emporium.order.config.OrderProperties;
import io.emporium.platform.web.NotFoundException;
import io.emporium.platform.web.ProblemException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the API reads: a customer's orders, one order with its timeline, its status stream. */
@Service
class OrderQueries {

  private static final Duration PLACEMENT_POLL = Duration.ofMillis(250);

  private final OrderRepository repository;
  private final StatusChanges changes;
  private final OrderProperties properties;

  OrderQueries(OrderRepository repository, StatusChanges changes, OrderProperties properties) {
    this.repository = repository;
    this.changes = changes;
    this.properties = properties;
  }

  Mono<OrderPage> list(String customerId, String checkoutId, int page, int size) {
    return repository
        .findByCustomer(customerId, checkoutId, size, (long) page * size)
        .map(order -> OrderView.of(order, null))
        .collectList()
        .zipWith(repository.countByCustomer(customerId, checkoutId))
        .map(found -> OrderPage.of(found.getT1(), page, size, found.getT2()));
  }

  Mono<OrderView> find(String customerId, String orderId) {
    return owned(customerId, orderId)
        .flatMap(
            order ->
                repository
                    .timeline(order.id())
                    .collectList()
                    .map(timeline -> OrderView.of(order, timeline)));
  }

  /** The customer's order, or a 404 (also for someone else's order: no hint it exists). */
  Mono<Order> owned(String customerId, String orderId) {
    return owned(customerId, orderId, Duration.ZERO);
  }

  /**
   * As {@link #owned(String, String)}, but an order not placed yet (its checkout's event is on its
   * way) is waited for, up to {@code emporium.order.placement-wait}: a shopper's page opens the
   * status stream right after checkout.
   */
  Mono<Order> placedAndOwned(String customerId, String orderId) {
    return owned(customerId, orderId, properties.placementWait());
  }

  private Mono<Order> owned(String customerId, String orderId, Duration wait) {
    UUID id;
    try {
      id = UUID.fromString(orderId);
    } catch (IllegalArgumentException e) {
      return Mono.error(notFound(orderId));
    }
    Mono<Order> found = repository.find(id);
    if (!wait.isZero()) {
      found =
          found
              .repeatWhenEmpty(attempts -> attempts.delayElements(PLACEMENT_POLL))
              .timeout(wait, Mono.empty());
    }
    return found
        .filter(order -> order.customer().id().equals(customerId))
        .switchIfEmpty(Mono.error(() -> notFound(orderId)));
  }

  /**
   * The order's status now, then each change until it is final. Changes come from this replica's
   * commits at once and from a poll (other replicas); statuses only move forward, so anything not
   * ahead of the last one sent is dropped.
   */
  Flux<StatusChange> statusStream(Order order) {
    StatusChange now = StatusChange.of(order, order.updatedAt());
    if (order.status().isFinal()) {
      return Flux.just(now);
    }
    Flux<StatusChange> polled =
        Flux.interval(properties.statusPollInterval())
            .onBackpressureDrop()
            .concatMap(tick -> repository.find(order.id()))
            .map(found -> StatusChange.of(found, found.updatedAt()));
    AtomicInteger lastRank = new AtomicInteger(-1);
    return Flux.merge(Flux.just(now), changes.of(order.id()), polled)
        .filter(
            change ->
                lastRank.getAndAccumulate(change.status().rank(), Math::max)
                    < change.status().rank())
        .takeUntil(change -> change.status().isFinal());
  }

  private static ProblemException notFound(String orderId) {
    return new NotFoundException("No order " + orderId + " for this customer")
        .with("orderId", orderId);
  }
}
