package io.emporium.catalog.config;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** Product images: generated SVGs in the jar, immutable, cached for a year. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

  static final String IMAGES = "/api/catalog/images/**";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler(IMAGES)
        .addResourceLocations("classpath:/static/images/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
  }
}
