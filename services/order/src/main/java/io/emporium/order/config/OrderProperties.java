package io.emporium.order.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.order.*}.
 *
 * @param sagaDeadline an order still PENDING or STOCK_RESERVED this long after it was created is
 *     cancelled (TIMEOUT)
 * @param deadlineSweepInterval how often the sweeper looks for overdue orders
 * @param deadlineSweepBatch overdue orders cancelled per sweep transaction
 * @param statusPollInterval how often an open status stream re-reads the order, so changes made by
 *     another replica show up too
 * @param maxStatusStreams how many status streams one customer may hold open at once (on one
 *     replica); one more is refused with 429
 * @param placementWait how long a status stream opened right after checkout waits for its order to
 *     be placed (the cart's event is on its way) before it answers 404
 */
@Validated
@ConfigurationProperties("emporium.order")
public record OrderProperties(
    @NotNull @DefaultValue("10m") Duration sagaDeadline,
    @NotNull @DefaultValue("5s") Duration deadlineSweepInterval,
    @Min(1) @Max(1000) @DefaultValue("50") int deadlineSweepBatch,
    @NotNull @DefaultValue("2s") Duration statusPollInterval,
    @Min(1) @Max(100) @DefaultValue("5") int maxStatusStreams,
    @NotNull @DefaultValue("30s") Duration placementWait) {}
