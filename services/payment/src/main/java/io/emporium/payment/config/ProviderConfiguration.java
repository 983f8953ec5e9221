package io.emporium.payment.config;

import io.emporium.payment.provider.SimulatedPaymentProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The card processor: the simulator until a real provider's adapter exists. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

  @Bean
  SimulatedPaymentProvider simulatedPaymentProvider(PaymentProperties properties) {
    var simulator = properties.simulator();
    return new SimulatedPaymentProvider(simulator.maxAmountMinor(), simulator.latency());
  }
}
