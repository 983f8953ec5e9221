package io.emporium.catalog.products;

import io.emporium.platform.web.FieldViolation;
import io.emporium.platform.web.InvalidRequestException;
import io.emporium.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated product search: keywords, category, price range in minor units, only some skus (a
 * cart's lines, read at once), sort and page. The sort defaults to relevance when there are
 * keywords, else to name; relevance without keywords is by name.
 */
record ProductQuery(
    String keywords,
    String category,
    Long minPrice,
    Long maxPrice,
    List<String> skus,
    ProductSort sort,
    int page,
    int size) {

  static final int MAX_SIZE = 100;
  static final int MAX_KEYWORDS = 200;

  static ProductQuery of(
      String q, String category, Long minPrice, Long maxPrice, String sort, int page, int size) {
    return of(q, category, minPrice, maxPrice, List.of(), sort, page, size);
  }

  static ProductQuery of(
      String q,
      String category,
      Long minPrice,
      Long maxPrice,
      List<String> skus,
      String sort,
      int page,
      int size) {
    List<FieldViolation> errors = new ArrayList<>();
    List<String> onlySkus = skus == null ? List.of() : skus.stream().distinct().toList();
    if (onlySkus.size() > MAX_SIZE) {
      errors.add(new FieldViolation("sku", "must be given at most " + MAX_SIZE + " times", null));
    }
    String keywords = blankToNull(q);
    if (keywords != null && keywords.length() > MAX_KEYWORDS) {
      errors.add(new FieldViolation("q", "must be at most " + MAX_KEYWORDS + " characters", null));
    }
    if (minPrice != null && minPrice < 0) {
      errors.add(new FieldViolation("minPrice", "must be greater than or equal to 0", minPrice));
    }
    if (maxPrice != null && maxPrice < 0) {
      errors.add(new FieldViolation("maxPrice", "must be greater than or equal to 0", maxPrice));
    }
    if (minPrice != null && maxPrice != null && maxPrice >= 0 && minPrice > maxPrice) {
      errors.add(new FieldViolation("maxPrice", "must not be less than minPrice", maxPrice));
    }
    if (page < 0) {
      errors.add(new FieldViolation("page", "must be greater than or equal to 0", page));
    }
    if (size < 1 || size > MAX_SIZE) {
      errors.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE, size));
    }
    ProductSort order = sortOf(blankToNull(sort), keywords, errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new ProductQuery(
        keywords, blankToNull(category), minPrice, maxPrice, onlySkus, order, page, size);
  }

  long offset() {
    return (long) page * size;
  }

  private static ProductSort sortOf(String sort, String keywords, List<FieldViolation> errors) {
    if (sort == null) {
      return keywords == null ? ProductSort.NAME : ProductSort.RELEVANCE;
    }
    var parsed = ProductSort.parse(sort);
    if (parsed.isEmpty()) {
      errors.add(new FieldViolation("sort", "must be one of relevance, name, price, -price", sort));
      return null;
    }
    return parsed.get() == ProductSort.RELEVANCE && keywords == null
        ? ProductSort.NAME
        : parsed.get();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static ProblemException invalid(List<FieldViolation> errors) {
    return new InvalidRequestException(errors);
  }
}
