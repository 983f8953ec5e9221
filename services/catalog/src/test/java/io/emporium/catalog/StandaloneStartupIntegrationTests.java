package io.emporium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.platform.testing.StandaloneService;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The catalog starts alone the way {@code ./emporium up} runs it, with its seeded catalog. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneStartupIntegrationTests {

  private StandaloneService catalog;

  @BeforeAll
  void start() {
    catalog = StandaloneService.start(CatalogApplication.class, "catalog");
  }

  @AfterAll
  void stop() {
    if (catalog != null) {
      catalog.close();
    }
  }

  @Test
  void startsAloneReadyWithItsMetricsAndApiDocs() {
    catalog.assertStartsAlone(
        List.of("emporium_catalog_reservations_total"),
        "/api/catalog/products",
        "/api/catalog/admin/products/{sku}/stock");
  }

  @Test
  void servesTheSeededCatalog() {
    catalog
        .web()
        .get()
        .uri("/api/catalog/products?size=1")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.totalItems")
        .value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(200));
  }
}
