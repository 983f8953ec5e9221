package io.emporium.catalog.admin;

import io.emporium.catalog.config.CatalogProperties;
import io.emporium.platform.identity.CustomerId;
import io.emporium.platform.web.ForbiddenException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who may change the catalog: the customer ids in {@code emporium.catalog.admins}. */
@Component
public class Admins {

  private final CatalogProperties properties;

  Admins(CatalogProperties properties) {
    this.properties = properties;
  }

  /** Completes when {@code customer} is an admin, else fails with a 403 problem. */
  public Mono<Void> require(CustomerId customer) {
    return properties.admins().contains(customer.value())
        ? Mono.empty()
        : Mono.error(new ForbiddenException("Only catalog administrators may do this"));
  }
}
