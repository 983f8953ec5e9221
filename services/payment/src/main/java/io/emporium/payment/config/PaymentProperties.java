package io.emporium.payment.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.payment.*}.
 *
 * @param simulator the simulated card processor's limit and latency
 */
@Validated
@ConfigurationProperties("emporium.payment")
public record PaymentProperties(@Valid @NotNull @DefaultValue Simulator simulator) {

  /**
   * @param maxAmountMinor amounts above this (minor units) decline with {@code amount_limit}
   * @param latency how long each provider call takes (to rehearse a slow processor)
   */
  public record Simulator(
      @Positive @DefaultValue("1000000") long maxAmountMinor,
      @NotNull @DefaultValue("0ms") Duration latency) {}
}
