package io.emporium.platform.health;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Every background loop's pulse in liveness ({@link LoopsInLiveness}). */
@AutoConfiguration
@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
public class HealthAutoConfiguration {

  @Bean
  static LoopsInLiveness loopsInLiveness(ListableBeanFactory beans) {
    return new LoopsInLiveness(beans);
  }
}
