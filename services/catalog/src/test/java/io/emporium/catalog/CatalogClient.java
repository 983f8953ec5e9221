package io.emporium.catalog;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The catalog's HTTP API as tests use it. */
public final class CatalogClient {

  private final WebTestClient web;

  public CatalogClient(WebTestClient web) {
    this.web = web;
  }

  /** Creates a product in category "office" (which listing tests leave alone). */
  public void createProduct(String sku, String name, String description, int stock) {
    web.post()
        .uri("/api/catalog/admin/products")
        .headers(CatalogIntegrationTest.admin()::authorize)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "sku", sku,
                "name", name,
                "description", description,
                "category", "office",
                "price", Map.of("amountMinor", 1999, "currency", "EUR"),
                "attributes", Map.of("colour", "black"),
                "initialStock", stock))
        .exchange()
        .expectStatus()
        .isCreated();
  }

  /** {onHand, reserved, available} of {@code sku}. */
  @SuppressWarnings("unchecked")
  public Map<String, Integer> stock(String sku) {
    Map<String, Object> product =
        web.get()
            .uri("/api/catalog/products/{sku}", sku)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (Map<String, Integer>) product.get("stock");
  }

  public static Map<String, Integer> level(int onHand, int reserved) {
    return Map.of("onHand", onHand, "reserved", reserved, "available", onHand - reserved);
  }
}
