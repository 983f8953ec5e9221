package io.emporium.chaos.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the services and the payment provider recorded, read straight from their databases (the
 * suite's view of the truth; it changes nothing there but the stock it sets up).
 */
public final class ShopRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ShopDatabases jdbc;

  /** {@code jdbcUrls}: the JDBC URL of a database by name (catalog, order, payment, ...). */
  public ShopRecords(Function<String, String> jdbcUrls) {
    this.jdbc = new ShopDatabases(jdbcUrls);
  }

  /** Every order of these customers. */
  public List<OrderRecord> orders(List<String> customers) {
    String sql =
        """
        SELECT o.id::text AS id, o.checkout_id, o.status, o.cancellation_reason, o.lines::text AS lines,
               o.checked_out_at,
               (SELECT min(t.at) FROM order_timeline t
                 WHERE t.order_id = o.id AND t.status IN ('CONFIRMED', 'CANCELLED')) AS settled_at
        FROM orders o WHERE o.customer_id = ANY(?)""";
    return jdbc.query(
        "order",
        sql,
        ShopDatabases.anyOf(customers),
        row ->
            new OrderRecord(
                row.getString("id"),
                row.getString("checkout_id"),
                row.getString("status"),
                row.getString("cancellation_reason"),
                lines(row.getString("lines")),
                row.getTimestamp("checked_out_at").toInstant(),
                instant(row.getTimestamp("settled_at"))));
  }

  /** On-hand and reserved units per sku. */
  public Map<String, int[]> stock(List<String> skus) {
    Map<String, int[]> stock = new LinkedHashMap<>();
    jdbc.query(
            "catalog",
            "SELECT sku, on_hand, reserved FROM stock WHERE sku = ANY(?)",
            ShopDatabases.anyOf(skus),
            row -> Map.entry(row.getString(1), new int[] {row.getInt(2), row.getInt(3)}))
        .forEach(entry -> stock.put(entry.getKey(), entry.getValue()));
    return stock;
  }

  /** Sets each sku's stock to {@code onHand} units, none reserved (the phase's known stock). */
  public void setStock(List<String> skus, int onHand) {
    jdbc.update(
        "catalog",
        "UPDATE stock SET reserved = 0, on_hand = ? WHERE sku = ANY(?)",
        statement -> {
          statement.setInt(1, onHand);
          statement.setArray(2, ShopDatabases.texts(statement.getConnection(), skus));
        });
  }

  /** {@code count} skus that have stock rows, after skipping {@code offset}. */
  public List<String> skus(int offset, int count) {
    return jdbc.query(
        "catalog",
        "SELECT sku FROM stock ORDER BY sku OFFSET ? LIMIT ?",
        statement -> {
          statement.setInt(1, offset);
          statement.setInt(2, count);
        },
        row -> row.getString(1));
  }

  /** The catalog's reservation status per order id. */
  public Map<String, String> reservations(List<String> orderIds) {
    return statusById(
        "catalog", "SELECT order_id, status FROM reservations WHERE order_id = ANY(?)", orderIds);
  }

  /** The payment service's payment status per order id. */
  public Map<String, String> payments(List<String> orderIds) {
    return statusById(
        "payment", "SELECT order_id, status FROM payments WHERE order_id = ANY(?)", orderIds);
  }

  /** What the payment provider holds: its payment statuses per reference (an order id). */
  public Map<String, List<String>> providerPayments(List<String> orderIds) {
    return listsById(
        "psp",
        "SELECT reference, status FROM payments WHERE reference = ANY(?) ORDER BY created_at",
        orderIds);
  }

  /** Sent notifications per order id: the templates. */
  public Map<String, List<String>> sentEmails(List<String> orderIds) {
    return listsById(
        "notification",
        "SELECT order_id, template FROM notifications WHERE status = 'SENT' AND order_id = ANY(?)",
        orderIds);
  }

  /** Notifications not yet sent, of these orders. */
  public int pendingEmails(List<String> orderIds) {
    return jdbc.count(
        "notification",
        "SELECT count(*) FROM notifications WHERE status <> 'SENT' AND order_id = ANY(?)",
        ShopDatabases.anyOf(orderIds));
  }

  /** Unpublished outbox rows per database (services on PostgreSQL). */
  public Map<String, Integer> outboxBacklog(List<String> databases) {
    Map<String, Integer> backlog = new LinkedHashMap<>();
    for (String database : databases) {
      backlog.put(database, jdbc.count(database, "SELECT count(*) FROM outbox", statement -> {}));
    }
    return backlog;
  }

  /** What {@code database}'s inbox knows of an event: when it was processed, how it failed. */
  public List<String> inbox(String database, String eventId) {
    String sql =
        """
        SELECT 'processed at ' || processed_at || ' from ' || coalesce(queue, '?')
          FROM processed_events WHERE event_id::text = ?
        UNION ALL
        SELECT 'failed ' || receive_count || ' receives, last at ' || last_failed_at || ': '
               || left(reason, 160)
          FROM message_failures WHERE event_id = ?""";
    return jdbc.query(
        database,
        sql,
        statement -> {
          statement.setString(1, eventId);
          statement.setString(2, eventId);
        },
        row -> row.getString(1));
  }

  private Map<String, String> statusById(String database, String sql, List<String> ids) {
    Map<String, String> statuses = new HashMap<>();
    pairs(database, sql, ids).forEach(e -> statuses.put(e.getKey(), e.getValue()));
    return statuses;
  }

  private Map<String, List<String>> listsById(String database, String sql, List<String> ids) {
    Map<String, List<String>> byId = new HashMap<>();
    pairs(database, sql, ids)
        .forEach(e -> byId.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return byId;
  }

  /** The rows of {@code sql} (an id and a value, the ids bound as its one parameter), in order. */
  private List<Map.Entry<String, String>> pairs(String database, String sql, List<String> ids) {
    return jdbc.query(
        database,
        sql,
        ShopDatabases.anyOf(ids),
        row -> Map.entry(row.getString(1), row.getString(2)));
  }

  private static Map<String, Integer> lines(String json) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    try {
      for (JsonNode line : JSON.readTree(json)) {
        lines.merge(line.path("sku").asText(), line.path("quantity").asInt(), Integer::sum);
      }
    } catch (IOException e) {
      throw new IllegalStateException("unreadable order lines: " + json, e);
    }
    return lines;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
