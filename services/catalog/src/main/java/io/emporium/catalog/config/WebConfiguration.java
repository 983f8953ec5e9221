package io.emporium.catalog.config;

import io.emporium.platform.identity.AccessRules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Who may call what (browsing is public as in any shop; changing the catalog is for the admins
 * group), and product images: generated SVGs in the jar, immutable, cached for a year.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

  static final String IMAGES = "/api/catalog/images/**";

  @Bean
  AccessRules catalogAccess() {
    return AccessRules.publicReads(
            "/api/catalog/products", "/api/catalog/products/*", "/api/catalog/categories", IMAGES)
        .withAdmins("/api/catalog/admin/**");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler(IMAGES)
        .addResourceLocations("classpath:/static/images/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
  }
}
