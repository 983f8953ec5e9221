package io.emporium.order.deadline;

import io.emporium.order.config.OrderProperties;
import io.emporium.platform.health.LoopPulse;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deadline sweeper's pulse, health {@code sagaDeadline} (in the liveness group): DOWN when a
 * round runs, or none starts, for longer than two round timeouts plus an interval.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

  @Bean
  LoopPulse sagaDeadline(OrderProperties properties, MeterRegistry meters) {
    return new LoopPulse(
        "saga-deadline",
        properties.deadlineSweepTimeout().multipliedBy(2).plus(properties.deadlineSweepInterval()),
        Clock.systemUTC(),
        meters);
  }
}
