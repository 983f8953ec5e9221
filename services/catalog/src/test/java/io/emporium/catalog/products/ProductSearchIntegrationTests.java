package io.emporium.catalog.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.catalog.CatalogClient;
import io.emporium.catalog.CatalogIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Keyword search: PostgreSQL full-text search, best match first. */
class ProductSearchIntegrationTests extends CatalogIntegrationTest {

  @Autowired WebTestClient web;

  /** Created once for the class (the context, and so the database, outlives the instances). */
  private static boolean created;

  @BeforeEach
  void products() {
    if (created) {
      return;
    }
    created = true;
    var catalog = new CatalogClient(web);
    catalog.createProduct(
        "SRCH-002", "Quokka Desk Tidy", "Keeps the zephyr teakettle manual close to hand.", 3);
    catalog.createProduct(
        "SRCH-001", "Zephyr Teakettle", "A whistling kettle for the office kitchen.", 3);
    catalog.createProduct(
        "SRCH-003", "Quokka Letter Tray", "Stacking tray for letters; nothing about kettles.", 3);
  }

  @Test
  void ranksANameMatchAboveADescriptionMatch() {
    List<String> skus = skus("/api/catalog/products?q=zephyr teakettle");

    assertThat(skus).containsExactly("SRCH-001", "SRCH-002");
  }

  @Test
  void stemsWordsAndIgnoresCase() {
    assertThat(skus("/api/catalog/products?q=QUOKKAS"))
        .containsExactlyInAnyOrder("SRCH-002", "SRCH-003");
  }

  @Test
  void supportsWebSearchSyntax() {
    assertThat(skus("/api/catalog/products?q=quokka -tray")).containsExactly("SRCH-002");
    assertThat(skus("/api/catalog/products?q=\"letter tray\"")).containsExactly("SRCH-003");
  }

  @Test
  void findsSeededProductsByNameFirst() {
    List<Map<String, Object>> items = items("/api/catalog/products?q=wireless headphones&size=5");

    assertThat(items).isNotEmpty();
    assertThat((String) items.get(0).get("name")).contains("Wireless Headphones");
  }

  @Test
  void combinesKeywordsWithFiltersAndOtherSorts() {
    List<Map<String, Object>> items =
        items("/api/catalog/products?q=quokka&category=office&sort=-price&maxPrice=1999");

    assertThat(items).hasSize(2);
    assertThat(skus("/api/catalog/products?q=quokka&category=audio")).isEmpty();
  }

  @Test
  void nothingMatchesGibberish() {
    assertThat(skus("/api/catalog/products?q=xqzvbnm")).isEmpty();
  }

  private List<String> skus(String uri) {
    return items(uri).stream().map(i -> (String) i.get("sku")).toList();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> items(String uri) {
    Map<String, Object> page =
        web.get()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (List<Map<String, Object>>) page.get("items");
  }
}
