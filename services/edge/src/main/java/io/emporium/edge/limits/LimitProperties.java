package io.emporium.edge.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.edge.limits.*}: token buckets for cart writes (add, change, remove, merge) and
 * checkouts, per verified customer and per client IP. The edge's application.yml sets values that
 * leave normal shopping alone and stop a script; tests set their own.
 */
@Validated
@ConfigurationProperties("emporium.edge.limits")
public record LimitProperties(@NotNull @Valid Pair cartWrites, @NotNull @Valid Pair checkouts) {

  /** The limit per customer and per IP of one kind of request. */
  public record Pair(@NotNull @Valid Limit perCustomer, @NotNull @Valid Limit perIp) {}

  /** {@code capacity} requests at once, refilled evenly over {@code period}. */
  public record Limit(@Min(1) int capacity, @NotNull Duration period) {}
}
