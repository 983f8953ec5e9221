package io.emporium.catalog.config;

import io.emporium.platform.identity.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call what: browsing, product images included, is public as in any shop; changing the
 * catalog is for the admins group.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  static final String IMAGES = "/api/catalog/images/*";

  @Bean
  AccessRules catalogAccess() {
    return AccessRules.publicReads(
            "/api/catalog/products", "/api/catalog/products/*", "/api/catalog/categories", IMAGES)
        .withAdmins("/api/catalog/admin/**");
  }
}
