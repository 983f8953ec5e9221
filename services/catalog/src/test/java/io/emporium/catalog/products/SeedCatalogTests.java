package io.emporium.catalog.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The generated seed (seed/generate.py): enough products, each with its image in the jar. */
class SeedCatalogTests {

  private static final Pattern PRODUCT =
      Pattern.compile(
          "^  \\('([A-Z]{3}-\\d{5})', '.*'/api/catalog/images/([a-z0-9-]+\\.svg)'",
          Pattern.MULTILINE);

  @Test
  void seedsAtLeast200ProductsEachWithASmallImage() throws IOException {
    String sql = read("db/migration/V2__seed_catalog.sql");
    List<String[]> products =
        PRODUCT.matcher(sql).results().map(m -> new String[] {m.group(1), m.group(2)}).toList();

    assertThat(products).hasSizeGreaterThanOrEqualTo(200);
    assertThat(products.stream().map(p -> p[0])).doesNotHaveDuplicates();
    for (String[] product : products) {
      String svg = read("static/images/" + product[1]);
      assertThat(svg).startsWith("<svg").contains(product[0]);
      assertThat(svg.length()).isLessThan(2048);
    }
  }

  @Test
  void givesEveryProductInitialStock() throws IOException {
    String sql = read("db/migration/V2__seed_catalog.sql");
    String stock = sql.substring(sql.indexOf("INSERT INTO stock"));
    var quantities =
        Pattern.compile("\\('[A-Z]{3}-\\d{5}', (\\d+)\\)")
            .matcher(stock)
            .results()
            .map(m -> Integer.parseInt(m.group(1)))
            .toList();

    assertThat(quantities)
        .hasSize((int) PRODUCT.matcher(sql).results().count())
        .allSatisfy(q -> assertThat(q).isBetween(20, 200));
  }

  private static String read(String path) throws IOException {
    return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
  }
}
