package io.emporium.cart.catalog;

import io.emporium.platform.web.ProblemException;
import io.emporium.platform.web.ProblemType;

/** The catalog did not answer in time or failed: the cart cannot price a line (503). */
public class CatalogUnavailableException extends ProblemException {

  static final ProblemType CATALOG_UNAVAILABLE =
      new ProblemType("catalog-unavailable", 503, "Catalog unavailable");

  CatalogUnavailableException(Throwable cause) {
    super(CATALOG_UNAVAILABLE, "The catalog cannot be reached; try again shortly", cause);
  }
}
