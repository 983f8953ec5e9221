package io.emporium.cart.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.cart.*}.
 *
 * @param catalogUrl where the catalog service answers {@code /api/catalog/products/{sku}}; no
 *     default (the local profile and the chart set it), so a deployment without it fails at startup
 * @param catalogConnectTimeout how long to wait for a connection to the catalog
 * @param catalogTimeout how long to wait for the catalog's whole answer
 * @param abandonedAfter how long an untouched cart lives (its TTL, refreshed by every change)
 * @param currency the shop's currency: products priced in another one cannot be added
 * @param checkoutTimeout how long a CHECKED_OUT cart waits for its order's outcome before it is
 *     reopened (when next read): well past the order service's saga deadline (10 min, from the
 *     checkout), so the outcome was decided by then and only its delivery was lost
 */
@Validated
@ConfigurationProperties("emporium.cart")
public record CartProperties(
    @NotNull URI catalogUrl,
    @NotNull @DefaultValue("1s") Duration catalogConnectTimeout,
    @NotNull @DefaultValue("2s") Duration catalogTimeout,
    @NotNull @DefaultValue("30d") Duration abandonedAfter,
    @NotNull @Pattern(regexp = "[A-Z]{3}") @DefaultValue("EUR") String currency,
    @NotNull @DefaultValue("30m") Duration checkoutTimeout) {}
