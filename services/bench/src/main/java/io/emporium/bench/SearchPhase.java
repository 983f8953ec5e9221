package io.emporium.bench;

import io.emporium.bench.load.LoadResult;
import io.emporium.bench.report.Figure;
import io.emporium.bench.shop.Reply;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Figure 7's search rows: the catalog's full-text search through the edge with the seed catalog
 * (240 products), then with {@code bulkProducts} more loaded straight into the catalog's database
 * for this phase only (names built from the seed's words, so queries match as many rows as they
 * would in a real catalog) and deleted afterwards.
 */
final class SearchPhase {

  static final List<String> WORDS =
      List.of(
          "knife",
          "coffee",
          "lamp",
          "chair",
          "tent",
          "headphones",
          "backpack",
          "planter",
          "puzzle",
          "kettle");
  private static final String PREFIX = "BENCHX-";

  private SearchPhase() {}

  static void atSeedSize(Run run) {
    LoadResult result = search(run, "search, %d products".formatted(run.skus.size()));
    run.facts.put("search240", result);
    run.add(
        Figure.info(
            7,
            "catalog search p50/p99, %d products".formatted(run.skus.size()),
            "p50 %.0f ms, p99 %.0f ms"
                .formatted(result.latencies().p50(), result.latencies().p99()),
            "%.0f req/s at %d connections".formatted(result.perSecond(), connections(run))));
  }

  static void atScale(Run run) throws Exception {
    int bulk = run.settings.bulkProducts();
    if (!run.fits(Duration.ofSeconds(60))) {
      run.add(
          Figure.notMeasured(
              7,
              "catalog search at 100 000 products",
              "p99 ≤ 50 ms",
              "the run's time budget was spent"));
      return;
    }
    run.say.accept(
        "loading %,d more products into the catalog's database (removed afterwards)"
            .formatted(bulk));
    long started = System.nanoTime();
    try (Connection catalog = run.stack.connect("catalog");
        Statement sql = catalog.createStatement()) {
      sql.executeUpdate(insert(bulk));
      sql.execute("ANALYZE products");
      double loadSeconds = (System.nanoTime() - started) / 1e9;
      long total = count(sql);
      try {
        LoadResult result = search(run, "search, %,d products".formatted(total));
        boolean met = result.latencies().p99() <= 50;
        LoadResult small = (LoadResult) run.facts.get("search240");
        run.add(
            new Figure(
                7,
                "catalog search p50/p99, %,d products".formatted(total),
                "p50 %.0f ms, p99 %.0f ms"
                    .formatted(result.latencies().p50(), result.latencies().p99()),
                "p99 ≤ 50 ms",
                Figure.Verdict.of(met),
                "%.0f req/s; at %d products p99 %.0f ms → %.1f× slower; bulk load took %.0f s"
                    .formatted(
                        result.perSecond(),
                        run.skus.size(),
                        small == null ? Double.NaN : small.latencies().p99(),
                        small == null
                            ? Double.NaN
                            : result.latencies().p99() / small.latencies().p99(),
                        loadSeconds),
                met
                    ? ""
                    : "each query matches about 1 in %d products; the catalog counts every match and ranks them all (ts_rank) before taking a page, so its cost grows with the matches: catalog %.0f %% and PostgreSQL %.0f %% of a core during the phase"
                        .formatted(
                            WORDS.size(),
                            100 * (double) run.facts.get("searchCatalogShare"),
                            100 * (double) run.facts.get("searchPostgresShare"))));
      } finally {
        sql.executeUpdate("DELETE FROM products WHERE sku LIKE '" + PREFIX + "%'");
      }
    }
  }

  private static LoadResult search(Run run, String name) {
    run.say.accept(name + ": %d connections".formatted(connections(run)));
    var usageBefore = run.cpu.snapshot();
    LoadResult result =
        run.load.closed(
            name,
            connections(run),
            run.settings.warmUp(),
            run.settings.measure().dividedBy(2),
            i ->
                run.shop
                    .get("/api/catalog/products?q=" + WORDS.get((int) (i % WORDS.size())), null)
                    .map(Reply::status));
    var usage = run.cpu.snapshot().since(usageBefore);
    run.facts.put("searchCatalogShare", usage.coreShare("catalog"));
    run.facts.put("searchPostgresShare", usage.coreShare("postgres"));
    run.say.accept("  " + result.summary());
    return result;
  }

  private static int connections(Run run) {
    return Math.max(1, run.settings.connections() / 2);
  }

  private static long count(Statement sql) throws Exception {
    try (var rows = sql.executeQuery("SELECT count(*) FROM products")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static String insert(int n) {
    return """
        INSERT INTO products (sku, name, description, category, price_minor, currency, attributes)
        SELECT '%1$s' || lpad(g::text, 7, '0'),
               (ARRAY['Harbor','Fjell','Alder & Oak','Brightline','Meridian','Kestrel','Ironbark','Copperleaf','Tallgrass','Northwind','Stoneway','Lumen'])[1 + g %% 12]
                 || ' ' || (ARRAY['Essential','Compact','Everyday','Original','Max','Heritage','Classic','Studio','Pro','Lite'])[1 + (g / 12) %% 10]
                 || ' ' || (ARRAY['Knife','Coffee Grinder','Lamp','Chair','Tent','Headphones','Backpack','Planter','Puzzle','Kettle'])[1 + (g / 120) %% 10]
                 || ' ' || g,
               'A product made for the bench, number ' || g || ', in ' || (ARRAY['steel','oak','cotton','glass','aluminium'])[1 + g %% 5] || ' for everyday use.',
               (ARRAY['kitchen','coffee-tea','home-decor','office','outdoor','fitness','audio','bags','garden','toys-games'])[1 + g %% 10],
               100 + (g * 37) %% 30000, 'EUR',
               jsonb_build_object('colour', (ARRAY['black','white','navy','sage','oat'])[1 + g %% 5])
        FROM generate_series(1, %2$d) AS g
        """
        .formatted(PREFIX, n);
  }
}
