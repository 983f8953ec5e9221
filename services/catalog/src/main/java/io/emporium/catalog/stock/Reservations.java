package io.emporium.catalog.stock;

import io.emporium.events.StockLine;
import io.emporium.events.catalog.ShortLine;
import io.emporium.events.catalog.StockRejected;
import io.emporium.events.catalog.StockReleased;
import io.emporium.events.catalog.StockReserved;
import io.emporium.platform.messaging.r2dbc.R2dbcOutbox;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stock reservations, one per order. Each method runs inside the caller's transaction (the
 * listener's idempotent-consumption transaction), and appends the event it causes to the outbox in
 * that same transaction.
 */
@Service
public class Reservations {

  private static final Logger log = LoggerFactory.getLogger(Reservations.class);

  private final PostgresStock stock;
  private final R2dbcOutbox outbox;
  private final ReservationMetrics metrics;

  Reservations(PostgresStock stock, R2dbcOutbox outbox, ReservationMetrics metrics) {
    this.stock = stock;
    this.outbox = outbox;
    this.metrics = metrics;
  }

  /**
   * Reserves every line or none: StockReserved, or StockRejected naming the short lines (an unknown
   * sku has 0 available). An order seen before changes nothing.
   */
  public Mono<Void> reserve(String orderId, List<StockLine> requested) {
    List<StockLine> lines = StockLines.merged(requested);
    return stock
        .claim(orderId, ReservationStatus.HELD)
        .flatMap(
            claimed -> {
              if (!claimed) {
                log.info("reservation of order {} exists: nothing new", orderId);
                return Mono.empty();
              }
              return stock
                  .lockAvailable(lines.stream().map(StockLine::sku).toList())
                  .flatMap(available -> decide(orderId, lines, available));
            });
  }

  /** The order is confirmed: the held units leave on-hand. Nothing held: nothing to do. */
  public Mono<Void> commit(String orderId) {
    return stock
        .transition(orderId, ReservationStatus.HELD, ReservationStatus.COMMITTED)
        .flatMap(
            held ->
                held
                    ? stock.lines(orderId).concatMap(stock::commit).then()
                    : ignored(orderId, "confirmed"));
  }

  /**
   * The order is cancelled: a held reservation is released (StockReleased). Nothing held: no event;
   * an order not seen yet is marked so a late OrderPlaced reserves nothing.
   *
   * <p>The mark is claimed first: its insert waits on the primary key for an OrderPlaced of the
   * same order still in flight in another transaction, and the release that follows then sees what
   * that one committed. (Releasing first would miss an uncommitted HELD row, and the reservation
   * would stay HELD for good.)
   */
  public Mono<Void> release(String orderId) {
    return stock
        .claim(orderId, ReservationStatus.CANCELLED)
        .flatMap(
            neverSeen ->
                neverSeen
                    ? ignored(orderId, "cancelled")
                    : stock
                        .transition(orderId, ReservationStatus.HELD, ReservationStatus.RELEASED)
                        .flatMap(held -> held ? released(orderId) : ignored(orderId, "cancelled")));
  }

  private Mono<Void> released(String orderId) {
    return stock
        .lines(orderId)
        .concatMap(line -> stock.release(line).thenReturn(line))
        .collectList()
        .flatMap(released -> outbox.append(new StockReleased(orderId, released)))
        .then();
  }

  private Mono<Void> decide(String orderId, List<StockLine> lines, Map<String, Integer> available) {
    List<ShortLine> shortLines =
        lines.stream()
            .filter(line -> available.getOrDefault(line.sku(), 0) < line.quantity())
            .map(
                line ->
                    new ShortLine(
                        line.sku(),
                        line.quantity(),
                        Math.max(0, available.getOrDefault(line.sku(), 0))))
            .toList();
    if (!shortLines.isEmpty()) {
      return stock
          .transition(orderId, ReservationStatus.HELD, ReservationStatus.REJECTED)
          .then(outbox.append(new StockRejected(orderId, shortLines)))
          .then(metrics.afterCommit(ReservationMetrics.REJECTED));
    }
    return Flux.fromIterable(lines)
        .concatMap(
            line -> stock.reserve(orderId, line).flatMap(ok -> ok ? Mono.empty() : lost(line)))
        .then(outbox.append(new StockReserved(orderId, lines)))
        .then(metrics.afterCommit(ReservationMetrics.RESERVED));
  }

  /** Cannot happen while the rows are locked; failing retries the whole message. */
  private static Mono<Void> lost(StockLine line) {
    return Mono.error(
        new IllegalStateException("stock of " + line.sku() + " changed while locked"));
  }

  private static Mono<Void> ignored(String orderId, String what) {
    log.info("order {} {} but no reservation is held: nothing to do", orderId, what);
    return Mono.empty();
  }
}
