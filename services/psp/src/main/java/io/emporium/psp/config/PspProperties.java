package io.emporium.psp.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.psp.*}.
 *
 * @param apiKey the merchant's secret key: every API call carries it as {@code Authorization:
 *     Bearer <key>} (no default: {@code ./emporium up} and the tests make one per run)
 * @param slowAnswerDelay how long the timeout test card takes to answer (the work is done and
 *     committed at once: only the answer is late)
 * @param maxAmountMinor amounts above this (minor units) decline with {@code amount_limit}
 */
@Validated
@ConfigurationProperties("emporium.psp")
public record PspProperties(
    @NotBlank String apiKey,
    @NotNull @DefaultValue("30s") Duration slowAnswerDelay,
    @Positive @DefaultValue("1000000") long maxAmountMinor) {

  @Override
  public String toString() {
    return "PspProperties[apiKey=(hidden), slowAnswerDelay="
        + slowAnswerDelay
        + ", maxAmountMinor="
        + maxAmountMinor
        + "]";
  }
}
