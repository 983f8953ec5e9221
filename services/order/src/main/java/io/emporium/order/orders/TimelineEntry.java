package io.emporium.order.orders;

import java.time.Instant;
import org.springframework.lang.Nullable;

/** One line of an order's history: the status after {@code event}, when, and why. */
public record TimelineEntry(
    OrderStatus status, String event, Instant at, @Nullable String detail) {}
