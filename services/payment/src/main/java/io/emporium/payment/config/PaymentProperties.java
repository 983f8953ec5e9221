package io.emporium.payment.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.payment.*}.
 *
 * @param provider the payment service provider's API and how it is called
 * @param reconcile the sweep that settles payments stuck between a provider call and its record
 */
@Validated
@ConfigurationProperties("emporium.payment")
public record PaymentProperties(
    @Valid @NotNull Provider provider, @Valid @NotNull @DefaultValue Reconcile reconcile) {

  /**
   * @param baseUrl the API root, e.g. {@code http://127.0.0.1:8086/api/psp/v1} (no default)
   * @param apiKey the merchant's secret key (no default: a Kubernetes secret in AWS, made per run
   *     locally)
   * @param callTimeout how long one attempt may take before it counts as failed (outcome unknown)
   * @param maxAttempts attempts per call (1 = no retry); every call is safe to repeat
   * @param retryBackoff the wait before the second attempt, doubled for each next one
   * @param circuitBreaker when to stop calling a failing provider for a while
   */
  public record Provider(
      @NotNull URI baseUrl,
      @NotBlank String apiKey,
      @NotNull @DefaultValue("3s") Duration callTimeout,
      @Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
      @NotNull @DefaultValue("200ms") Duration retryBackoff,
      @Valid @NotNull @DefaultValue CircuitBreaker circuitBreaker) {

    @Override
    public String toString() {
      return "Provider[baseUrl=" + baseUrl + ", apiKey=(hidden), callTimeout=" + callTimeout + "]";
    }
  }

  /**
   * @param failureRateThreshold percent of failed calls in the window that opens the breaker
   * @param slidingWindowSize calls the failure rate is computed over
   * @param minimumCalls calls before the rate counts
   * @param openFor how long the breaker stays open before it lets a few calls through
   */
  public record CircuitBreaker(
      @Min(1) @Max(100) @DefaultValue("50") int failureRateThreshold,
      @Positive @DefaultValue("20") int slidingWindowSize,
      @Positive @DefaultValue("10") int minimumCalls,
      @NotNull @DefaultValue("10s") Duration openFor) {}

  /**
   * @param interval how often the reconciler looks for stuck payments
   * @param stuckAfter a payment between a provider call and its record for longer than this is
   *     settled by the reconciler; also how long an authorization that the provider does not know
   *     may still be in flight, counted from the latest request sent (keep it above call-timeout ×
   *     max-attempts)
   * @param batch payments settled per round (and as many released ones looked up again)
   * @param lateAuthorizationWindow how long after its latest authorize request a payment released
   *     with nothing held is looked up again each round, in case the request landed after the
   *     release (held by a frozen provider or the network for longer than {@code stuckAfter})
   */
  public record Reconcile(
      @NotNull @DefaultValue("30s") Duration interval,
      @NotNull @DefaultValue("60s") Duration stuckAfter,
      @Positive @DefaultValue("20") int batch,
      @NotNull @DefaultValue("15m") Duration lateAuthorizationWindow) {}
}
