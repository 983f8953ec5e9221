package io.emporium.catalog.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.platform.web.FieldViolation;
import io.emporium.platform.web.InvalidRequestException;
import io.emporium.platform.web.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductQueryTests {

  @Test
  void sortsByRelevanceWhenThereAreKeywordsAndByNameOtherwise() {
    assertThat(ProductQuery.of("mug", null, null, null, null, 0, 20).sort())
        .isEqualTo(ProductSort.RELEVANCE);
    assertThat(ProductQuery.of(null, null, null, null, null, 0, 20).sort())
        .isEqualTo(ProductSort.NAME);
    assertThat(ProductQuery.of("  ", null, null, null, "relevance", 0, 20).sort())
        .isEqualTo(ProductSort.NAME);
  }

  @Test
  void parsesEverySort() {
    assertThat(ProductQuery.of("x", null, null, null, "-price", 0, 20).sort())
        .isEqualTo(ProductSort.PRICE_DESCENDING);
    assertThat(ProductQuery.of("x", null, null, null, "price", 0, 20).sort())
        .isEqualTo(ProductSort.PRICE);
    assertThat(ProductQuery.of("x", null, null, null, "name", 0, 20).sort())
        .isEqualTo(ProductSort.NAME);
  }

  @Test
  void trimsKeywordsAndCategoryAndDropsBlankOnes() {
    ProductQuery query = ProductQuery.of("  red mug ", " kitchen ", 100L, 200L, null, 2, 10);

    assertThat(query.keywords()).isEqualTo("red mug");
    assertThat(query.category()).isEqualTo("kitchen");
    assertThat(query.offset()).isEqualTo(20);
    assertThat(ProductQuery.of(null, "", null, null, null, 0, 1).category()).isNull();
  }

  @Test
  void namesEveryInvalidField() {
    assertThatThrownBy(() -> ProductQuery.of(null, null, -1L, -2L, "best", -1, 0))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type().status()).isEqualTo(400);
              assertThat(fields(e))
                  .containsExactlyInAnyOrder("minPrice", "maxPrice", "page", "size", "sort");
            });
  }

  @Test
  void rejectsAnInvertedPriceRangeAndOversizedPages() {
    assertThatThrownBy(() -> ProductQuery.of(null, null, 500L, 100L, null, 0, 101))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(fields(e)).containsExactlyInAnyOrder("maxPrice", "size"));
    assertThatThrownBy(() -> ProductQuery.of("x".repeat(201), null, null, null, null, 0, 10))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(fields(e)).containsExactly("q"));
  }

  private static List<String> fields(ProblemException e) {
    return ((InvalidRequestException) e).violations().stream().map(FieldViolation::field).toList();
  }
}
