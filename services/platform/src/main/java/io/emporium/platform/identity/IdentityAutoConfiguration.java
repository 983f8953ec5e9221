package io.emporium.platform.identity;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Shopper identity for WebFlux services: a {@link CurrentCustomer} (the {@code X-Customer-Id}
 * header unless a service declares another) and {@link CustomerId} controller parameters.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class IdentityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CurrentCustomer currentCustomer() {
    return new HeaderCurrentCustomer();
  }

  @Bean
  WebFluxConfigurer customerIdArgumentConfigurer(CurrentCustomer currentCustomer) {
    return new WebFluxConfigurer() {
      @Override
      public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CustomerIdArgumentResolver(currentCustomer));
      }
    };
  }
}
