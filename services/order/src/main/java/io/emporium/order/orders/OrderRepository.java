package io.emporium.order.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for orders and their timeline; joins the caller's transaction. */
@Repository
class OrderRepository {

  private static final String COLUMNS = OrderRows.COLUMNS;

  /**
   * One statement: the order (unless its checkout already has one) and its first timeline entry.
   */
  private static final String INSERT =
      """
      WITH inserted AS (
        INSERT INTO orders (id, checkout_id, cart_id, customer_id, customer_email, status, lines,
                            total_minor, currency, shipping_address, checked_out_at, created_at,
                            updated_at, deadline)
        VALUES (:id, :checkoutId, :cartId, :customerId, :email, :status, :lines, :totalMinor,
                :currency, :address, :checkedOutAt, :createdAt, :createdAt, :deadline)
        ON CONFLICT (checkout_id) DO NOTHING
        RETURNING id)
      INSERT INTO order_timeline (order_id, status, event, at, detail)
      SELECT id, :status, :event, :createdAt, :detail FROM inserted""";

  private static final String UPDATE =
      "UPDATE orders SET status = :status, cancellation_reason = :reason,"
          + " cancellation_detail = :detail, payment_id = :paymentId, updated_at = :at,"
          + " version = version + 1 WHERE id = :id AND version = :version";

  private static final String TIMELINE =
      "INSERT INTO order_timeline (order_id, status, event, at, detail)"
          + " VALUES (:orderId, :status, :event, :at, :detail)";

  private final DatabaseClient db;
  private final OrderRows rows;

  OrderRepository(DatabaseClient db, ObjectMapper json) {
    this.db = db;
    this.rows = new OrderRows(json);
  }

  /** Inserts {@code order} unless its checkout has one already: true when it was inserted. */
  Mono<Boolean> insert(Order order, TimelineEntry first) {
    var spec =
        db.sql(INSERT)
            .bind("id", order.id())
            .bind("checkoutId", order.checkoutId())
            .bind("cartId", order.cartId())
            .bind("customerId", order.customer().id())
            .bind("email", order.customer().email())
            .bind("status", order.status().name())
            .bind("lines", Json.of(rows.write(order.lines())))
            .bind("totalMinor", order.total().amountMinor())
            .bind("currency", order.total().currency())
            .bind("address", Json.of(rows.write(order.shippingAddress())))
            .bind("checkedOutAt", order.checkedOutAt())
            .bind("createdAt", order.createdAt())
            .bind("deadline", order.deadline())
            .bind("event", first.event());
    spec = bindNullable(spec, "detail", first.detail());
    return spec.fetch().rowsUpdated().map(updated -> updated == 1);
  }

  /** The order, locked until the transaction ends: events on one order are serialized. */
  Mono<Order> lock(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .map(rows::order)
        .one();
  }

  /** Open orders past their deadline, locked; rows another replica holds are skipped. */
  Flux<Order> lockOverdue(Instant now, int limit) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM orders WHERE status IN ('PENDING', 'STOCK_RESERVED')"
                + " AND deadline <= :now ORDER BY deadline LIMIT :limit FOR UPDATE SKIP LOCKED")
        .bind("now", now)
        .bind("limit", limit)
        .map(rows::order)
        .all();
  }

  Mono<Void> update(Order order, Instant at) {
    var spec =
        db.sql(UPDATE)
            .bind("id", order.id())
            .bind("version", order.version())
            .bind("status", order.status().name())
            .bind("at", at);
    spec =
        bindNullable(
            spec,
            "reason",
            order.cancellationReason() == null ? null : order.cancellationReason().name());
    spec = bindNullable(spec, "detail", order.cancellationDetail());
    spec = bindNullable(spec, "paymentId", order.paymentId());
    return spec.fetch()
        .rowsUpdated()
        .flatMap(
            updated ->
                updated == 1
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new IllegalStateException("order " + order.id() + " changed meanwhile")));
  }

  Mono<Void> append(UUID orderId, TimelineEntry entry) {
    var spec =
        db.sql(TIMELINE)
            .bind("orderId", orderId)
            .bind("status", entry.status().name())
            .bind("event", entry.event())
            .bind("at", entry.at());
    return bindNullable(spec, "detail", entry.detail()).then();
  }

  Mono<Order> find(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id")
        .bind("id", id)
        .map(rows::order)
        .one();
  }

  Flux<TimelineEntry> timeline(UUID orderId) {
    return db.sql(
            "SELECT status, event, at, detail FROM order_timeline WHERE order_id = :id ORDER BY id")
        .bind("id", orderId)
        .map(OrderRows::timelineEntry)
        .all();
  }

  /** A customer's orders, newest first, optionally only the one of a checkout. */
  Flux<Order> findByCustomer(String customerId, String checkoutId, int limit, long offset) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM orders WHERE customer_id = :customerId"
            + (checkoutId == null ? "" : " AND checkout_id = :checkoutId")
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
    var spec =
        db.sql(sql).bind("customerId", customerId).bind("limit", limit).bind("offset", offset);
    if (checkoutId != null) {
      spec = spec.bind("checkoutId", checkoutId);
    }
    return spec.map(rows::order).all();
  }

  Mono<Long> countByCustomer(String customerId, String checkoutId) {
    String sql =
        "SELECT count(*) AS n FROM orders WHERE customer_id = :customerId"
            + (checkoutId == null ? "" : " AND checkout_id = :checkoutId");
    var spec = db.sql(sql).bind("customerId", customerId);
    if (checkoutId != null) {
      spec = spec.bind("checkoutId", checkoutId);
    }
    return spec.map(row -> row.get("n", Long.class)).one();
  }

  private static DatabaseClient.GenericExecuteSpec bindNullable(
      DatabaseClient.GenericExecuteSpec spec, String name, String value) {
    return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
  }
}
