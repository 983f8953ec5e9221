package io.emporium.order.orders;

import java.time.Instant;

/** One line of an order's history: the status after {@code event}, when, and why. */
public record TimelineEntry(OrderStatus status, String event, Instant at, String detail) {}
