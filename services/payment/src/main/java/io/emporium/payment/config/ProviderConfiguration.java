package io.emporium.payment.config;

import io.emporium.payment.provider.HttpPaymentProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The payment service provider over HTTP, with a timeout per attempt, retries and a circuit breaker
 * (resilience4j; metrics {@code resilience4j_circuitbreaker_*} and {@code resilience4j_retry_*}
 * tagged {@code name=payment-provider}).
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

  static final String NAME = "payment-provider";

  @Bean
  HttpPaymentProvider paymentProvider(
      PaymentProperties properties, WebClient.Builder builder, MeterRegistry meters) {
    var provider = properties.provider();
    var http =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) provider.callTimeout().toMillis());
    WebClient web =
        builder
            .clone()
            .baseUrl(provider.baseUrl().toString())
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + provider.apiKey())
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
    var breakers = CircuitBreakerRegistry.of(circuitBreaker(provider.circuitBreaker()));
    var retries = RetryRegistry.of(retry(provider));
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    CircuitBreaker breaker = breakers.circuitBreaker(NAME);
    Retry retry = retries.retry(NAME);
    return new HttpPaymentProvider(web, provider.callTimeout(), breaker, retry);
  }

  private static CircuitBreakerConfig circuitBreaker(PaymentProperties.CircuitBreaker settings) {
    return CircuitBreakerConfig.custom()
        .failureRateThreshold(settings.failureRateThreshold())
        .slidingWindowSize(settings.slidingWindowSize())
        .minimumNumberOfCalls(settings.minimumCalls())
        .waitDurationInOpenState(settings.openFor())
        .permittedNumberOfCallsInHalfOpenState(3)
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .recordException(HttpPaymentProvider::transientFailure)
        .build();
  }

  private static RetryConfig retry(PaymentProperties.Provider provider) {
    return RetryConfig.custom()
        .maxAttempts(provider.maxAttempts())
        .intervalFunction(
            IntervalFunction.ofExponentialBackoff(provider.retryBackoff().toMillis(), 2.0))
        .retryOnException(HttpPaymentProvider::transientFailure)
        .build();
  }
}
