package io.emporium.catalog.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.catalog.CatalogClient;
import io.emporium.catalog.CatalogIntegrationTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Listing, paging, sorting, filtering and the detail of the seeded catalog. */
class ProductBrowsingIntegrationTests extends CatalogIntegrationTest {

  /** Seeded categories no other test adds products to. */
  private static final String AUDIO = "audio";

  private static final String KITCHEN = "kitchen";

  @Autowired WebTestClient web;

  @Test
  void seedHoldsAtLeast200ProductsInAtLeast8Categories() {
    List<Map<String, Object>> categories =
        web.get()
            .uri("/api/catalog/categories")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBodyList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
            .returnResult()
            .getResponseBody();

    assertThat(categories).hasSizeGreaterThanOrEqualTo(8);
    assertThat(categories)
        .allSatisfy(c -> assertThat((Integer) c.get("productCount")).isGreaterThanOrEqualTo(20));
    assertThat(page("/api/catalog/products?size=1").get("totalItems"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.INTEGER)
        .isGreaterThanOrEqualTo(200);
  }

  @Test
  void pagesThroughACategoryWithoutOverlapOrGaps() {
    List<String> skus = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      Map<String, Object> result =
          page("/api/catalog/products?category=audio&size=10&page=" + page);
      assertThat(result)
          .containsEntry("page", page)
          .containsEntry("size", 10)
          .containsEntry("totalItems", 24)
          .containsEntry("totalPages", 3);
      items(result).forEach(item -> skus.add((String) item.get("sku")));
    }

    assertThat(skus).hasSize(24).doesNotHaveDuplicates();
    assertThat(items(page("/api/catalog/products?category=audio&size=10&page=3"))).isEmpty();
  }

  @Test
  void readsSeveralProductsByTheirSkusInOneRequest() {
    List<Map<String, Object>> audio = items(page("/api/catalog/products?category=audio&size=3"));
    List<String> wanted = audio.stream().map(item -> (String) item.get("sku")).toList();

    Map<String, Object> result =
        page(
            "/api/catalog/products?size=100&sku="
                + String.join("&sku=", wanted)
                + "&sku=NO-SUCH-SKU&sku="
                + wanted.getFirst());

    assertThat(result).containsEntry("totalItems", 3);
    assertThat(items(result))
        .extracting(item -> item.get("sku"))
        .containsExactlyInAnyOrderElementsOf(wanted);
    assertThat(items(result))
        .allSatisfy(item -> assertThat(item).containsKeys("stock", "imageUrl"));
  }

  @Test
  void sortsByPriceBothWays() {
    List<Long> ascending =
        prices(items(page("/api/catalog/products?category=kitchen&size=100&sort=price")));
    List<Long> descending =
        prices(items(page("/api/catalog/products?category=kitchen&size=100&sort=-price")));

    assertThat(ascending).hasSize(24).isSorted();
    assertThat(descending).isEqualTo(ascending.reversed());
  }

  @Test
  void sortsByNameByDefault() {
    List<Map<String, Object>> items = items(page("/api/catalog/products?category=audio&size=100"));

    List<Character> initials = items.stream().map(i -> ((String) i.get("name")).charAt(0)).toList();
    assertThat(initials).isSorted();
  }

  @Test
  void filtersByPriceRangeInMinorUnits() {
    List<Long> all = prices(items(page("/api/catalog/products?category=kitchen&size=100")));
    long min = 3000;
    long max = 9000;

    var filtered =
        page(
            "/api/catalog/products?category=kitchen&size=100&minPrice=" + min + "&maxPrice=" + max);

    long expected = all.stream().filter(p -> p >= min && p <= max).count();
    assertThat(expected).isPositive().isLessThan(all.size());
    assertThat(prices(items(filtered))).hasSize((int) expected).allMatch(p -> p >= min && p <= max);
    assertThat(filtered).containsEntry("totalItems", (int) expected);
  }

  @Test
  void unknownCategoryListsNothing() {
    assertThat(page("/api/catalog/products?category=no-such-thing")).containsEntry("totalItems", 0);
  }

  @Test
  void showsProductDetailWithStock() {
    Map<String, Object> first = items(page("/api/catalog/products?category=audio&size=1")).get(0);
    String sku = (String) first.get("sku");

    web.get()
        .uri("/api/catalog/products/{sku}", sku)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.sku")
        .isEqualTo(sku)
        .jsonPath("$.category")
        .isEqualTo(AUDIO)
        .jsonPath("$.price.currency")
        .isEqualTo("EUR")
        .jsonPath("$.price.amountMinor")
        .isNumber()
        .jsonPath("$.imageUrl")
        .isEqualTo("/api/catalog/images/" + sku.toLowerCase() + ".svg")
        .jsonPath("$.attributes.material")
        .isNotEmpty()
        .jsonPath("$.stock.onHand")
        .value(n -> assertThat((Integer) n).isBetween(20, 200))
        .jsonPath("$.stock.reserved")
        .isEqualTo(0);
    assertThat(new CatalogClient(web).stock(sku).get("available"))
        .isEqualTo(new CatalogClient(web).stock(sku).get("onHand"));
  }

  @Test
  void unknownSkuIsA404Problem() {
    web.get()
        .uri("/api/catalog/products/NOPE-404")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://emporium.io/problems/not-found")
        .jsonPath("$.sku")
        .isEqualTo("NOPE-404");
  }

  @Test
  void rejectsBadListParametersAsProblems() {
    badRequest("/api/catalog/products?sort=popularity", "sort");
    badRequest("/api/catalog/products?size=0", "size");
    badRequest("/api/catalog/products?size=500", "size");
    badRequest("/api/catalog/products?page=-1", "page");
    badRequest("/api/catalog/products?minPrice=5000&maxPrice=100", "maxPrice");
    web.get()
        .uri("/api/catalog/products?minPrice=cheap")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void servesProductImagesWithALongCacheLifetime() {
    String imageUrl =
        (String)
            items(page("/api/catalog/products?category=kitchen&size=1")).get(0).get("imageUrl");

    web.get()
        .uri(imageUrl)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith("image/svg+xml")
        .expectHeader()
        .value("Cache-Control", v -> assertThat(v).contains("max-age=31536000").contains("public"))
        .expectBody(String.class)
        .value(svg -> assertThat(svg).startsWith("<svg").hasSizeLessThan(2048));
    web.get().uri("/api/catalog/images/nothing.svg").exchange().expectStatus().isNotFound();
  }

  @LocalServerPort int port;

  @Test
  void anImageNameThatIsNoImageIsA404Problem() {
    for (String name :
        List.of(
            "nothing.svg",
            "AUD-07001.SVG",
            "aud-07001.svg%00",
            "%00.svg",
            "..%2Fapplication.yml",
            "..%5Capplication.yml",
            "aud-07001.svg;x=1",
            "%C3%28.svg",
            "x".repeat(300) + ".svg")) {
      web.get()
          .uri(URI.create("http://127.0.0.1:" + port + "/api/catalog/images/" + name))
          .exchange()
          .expectStatus()
          .value(status -> assertThat(status).as(name).isIn(400, 404))
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  private void badRequest(String uri, String field) {
    web.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo(field);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> page(String uri) {
    return web.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }

  @SuppressWarnings("unchecked")
  private static List<Long> prices(List<Map<String, Object>> items) {
    return items.stream()
        .map(i -> ((Number) ((Map<String, Object>) i.get("price")).get("amountMinor")).longValue())
        .toList();
  }
}
