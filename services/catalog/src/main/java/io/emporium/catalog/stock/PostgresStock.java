package io.emporium.catalog.stock;

import io.emporium.events.StockLine;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stock rows and reservations in PostgreSQL. Rows are always locked in sku order so concurrent
 * reservations of overlapping orders cannot deadlock; every change is a conditional update the
 * table's CHECK constraints back up.
 */
@Component
class PostgresStock {

  private final DatabaseClient db;

  PostgresStock(DatabaseClient db) {
    this.db = db;
  }

  /** Claims the reservation of {@code orderId} as HELD; false when the order was seen before. */
  Mono<Boolean> claim(String orderId, ReservationStatus status) {
    return db.sql(
            "INSERT INTO reservations (order_id, status) VALUES (:id, :status)"
                + " ON CONFLICT (order_id) DO NOTHING")
        .bind("id", orderId)
        .bind("status", status.name())
        .fetch()
        .rowsUpdated()
        .map(inserted -> inserted == 1);
  }

  /** Locks the stock rows of {@code skus} (in sku order) and returns what each has available. */
  Mono<Map<String, Integer>> lockAvailable(List<String> skus) {
    return db.sql(
            "SELECT sku, on_hand - reserved AS available FROM stock WHERE sku = ANY(:skus)"
                + " ORDER BY sku FOR UPDATE")
        .bind("skus", skus.toArray(String[]::new))
        .map(row -> Map.entry(row.get("sku", String.class), row.get("available", Integer.class)))
        .all()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Reserves one line if it is still available; false (nothing changed) otherwise. */
  Mono<Boolean> reserve(String orderId, StockLine line) {
    return db.sql(
            "UPDATE stock SET reserved = reserved + :q WHERE sku = :sku AND on_hand - reserved >= :q")
        .bind("q", line.quantity())
        .bind("sku", line.sku())
        .fetch()
        .rowsUpdated()
        .filter(updated -> updated == 1)
        .flatMap(
            updated ->
                db.sql(
                        "INSERT INTO reservation_lines (order_id, sku, quantity)"
                            + " VALUES (:id, :sku, :q)")
                    .bind("id", orderId)
                    .bind("sku", line.sku())
                    .bind("q", line.quantity())
                    .then()
                    .thenReturn(true))
        .defaultIfEmpty(false);
  }

  /**
   * Moves the reservation from {@code from} to {@code to}; false when it was not in {@code from}.
   */
  Mono<Boolean> transition(String orderId, ReservationStatus from, ReservationStatus to) {
    return db.sql(
            "UPDATE reservations SET status = :to, updated_at = now()"
                + " WHERE order_id = :id AND status = :from")
        .bind("id", orderId)
        .bind("from", from.name())
        .bind("to", to.name())
        .fetch()
        .rowsUpdated()
        .map(updated -> updated == 1);
  }

  Flux<StockLine> lines(String orderId) {
    return db.sql("SELECT sku, quantity FROM reservation_lines WHERE order_id = :id ORDER BY sku")
        .bind("id", orderId)
        .map(row -> new StockLine(row.get("sku", String.class), row.get("quantity", Integer.class)))
        .all();
  }

  /** Gives a reserved line back: reserved -= q. */
  Mono<Void> release(StockLine line) {
    return apply(
        "UPDATE stock SET reserved = reserved - :q WHERE sku = :sku AND reserved >= :q", line);
  }

  /** The reserved units leave the warehouse: on_hand -= q and reserved -= q. */
  Mono<Void> commit(StockLine line) {
    return apply(
        "UPDATE stock SET on_hand = on_hand - :q, reserved = reserved - :q"
            + " WHERE sku = :sku AND reserved >= :q",
        line);
  }

  Mono<StockLevel> level(String sku) {
    return db.sql("SELECT on_hand, reserved FROM stock WHERE sku = :sku")
        .bind("sku", sku)
        .map(
            row ->
                StockLevel.of(
                    row.get("on_hand", Integer.class), row.get("reserved", Integer.class)))
        .one();
  }

  /** Sets on-hand unless it would fall below what is reserved; empty when it would, or no sku. */
  Mono<StockLevel> setOnHand(String sku, int onHand) {
    return db.sql(
            "UPDATE stock SET on_hand = :onHand WHERE sku = :sku AND reserved <= :onHand"
                + " RETURNING on_hand, reserved")
        .bind("sku", sku)
        .bind("onHand", onHand)
        .map(
            row ->
                StockLevel.of(
                    row.get("on_hand", Integer.class), row.get("reserved", Integer.class)))
        .one();
  }

  private Mono<Void> apply(String sql, StockLine line) {
    return db.sql(sql)
        .bind("q", line.quantity())
        .bind("sku", line.sku())
        .fetch()
        .rowsUpdated()
        .flatMap(
            updated ->
                updated == 1
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new IllegalStateException(
                            "stock of "
                                + line.sku()
                                + " does not hold the reserved "
                                + line.quantity())));
  }
}
