package io.emporium.order.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.events.Customer;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.order.CancellationReason;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** How an order and a timeline entry are read from their rows, and lines written to JSON. */
final class OrderRows {

  static final String COLUMNS =
      "id, checkout_id, cart_id, customer_id, customer_email, status, cancellation_reason,"
          + " cancellation_detail, payment_id, lines, total_minor, currency, shipping_address,"
          + " checked_out_at, created_at, updated_at, deadline, version";

  private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {};

  private final ObjectMapper json;

  OrderRows(ObjectMapper json) {
    this.json = json;
  }

  Order order(Readable row) {
    String reason = row.get("cancellation_reason", String.class);
    return new Order(
        row.get("id", UUID.class),
        row.get("checkout_id", String.class),
        row.get("cart_id", String.class),
        new Customer(row.get("customer_id", String.class), row.get("customer_email", String.class)),
        address(row.get("shipping_address", Json.class)),
        OrderStatus.valueOf(row.get("status", String.class)),
        reason == null ? null : CancellationReason.valueOf(reason),
        row.get("cancellation_detail", String.class),
        row.get("payment_id", String.class),
        lines(row.get("lines", Json.class)),
        new Money(row.get("total_minor", Long.class), row.get("currency", String.class)),
        instant(row, "checked_out_at"),
        instant(row, "created_at"),
        instant(row, "updated_at"),
        instant(row, "deadline"),
        row.get("version", Long.class));
  }

  private static Instant instant(Readable row, String column) {
    return row.get(column, OffsetDateTime.class).toInstant();
  }

  static TimelineEntry timelineEntry(Readable row) {
    return new TimelineEntry(
        OrderStatus.valueOf(row.get("status", String.class)),
        row.get("event", String.class),
        instant(row, "at"),
        row.get("detail", String.class));
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private ShippingAddress address(Json address) {
    try {
      return json.readValue(address.asArray(), ShippingAddress.class);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable shipping address", e);
    }
  }

  private List<LineItem> lines(Json lines) {
    try {
      return json.readValue(lines.asArray(), LINES);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable order lines", e);
    }
  }
}
