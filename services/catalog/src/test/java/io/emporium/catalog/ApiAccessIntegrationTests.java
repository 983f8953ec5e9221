package io.emporium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.platform.testing.OpenApiEndpoints;
import io.emporium.platform.testing.OpenApiEndpoints.Endpoint;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Browsing is public; every other operation of the catalog's OpenAPI document (read from the
 * running service, so a new endpoint is covered the day it appears) needs a token.
 */
class ApiAccessIntegrationTests extends CatalogIntegrationTest {

  static final Set<Endpoint> PUBLIC =
      Set.of(
          new Endpoint("GET", "/api/catalog/products"),
          new Endpoint("GET", "/api/catalog/products/{sku}"),
          new Endpoint("GET", "/api/catalog/categories"),
          new Endpoint("GET", "/api/catalog/images/{file}"));

  @LocalServerPort int port;
  @Autowired WebTestClient web;

  @Test
  void everyOperationButBrowsingNeedsAToken() {
    URI base = URI.create("http://127.0.0.1:" + port);
    List<Endpoint> all = OpenApiEndpoints.of(base, "/api/catalog/api-docs");
    List<Endpoint> guarded = all.stream().filter(e -> !PUBLIC.contains(e)).toList();

    assertThat(all).containsAll(PUBLIC);
    assertThat(guarded).isNotEmpty();
    assertThat(OpenApiEndpoints.notRefusedWithoutToken(base, guarded)).isEmpty();
  }

  @Test
  void browsingAndImagesNeedNoToken() {
    WebTestClient web = this.web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
    for (String path :
        List.of(
            "/api/catalog/products?size=1",
            "/api/catalog/categories",
            "/api/catalog/api-docs",
            "/actuator/health/readiness")) {
      web.get().uri(path).exchange().expectStatus().isOk();
    }
    web.get().uri("/api/catalog/products/NO-SUCH-SKU").exchange().expectStatus().isNotFound();
    web.get()
        .uri("/api/catalog/images/aud-07001.svg")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .value("Cache-Control", value -> assertThat(value).contains("max-age=31536000"));
  }
}
