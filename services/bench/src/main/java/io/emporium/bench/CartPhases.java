package io.emporium.bench;

import io.emporium.bench.proxy.Exchange;
import io.emporium.bench.report.Figure;
import io.emporium.bench.shop.Shopper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * Figures 1 and 2: cart add-item and cart read at {@code connections} connections through the edge,
 * each beside the emulator's ceiling for the same DynamoDB requests (replayed straight to moto) and
 * beside the reference shop's requests (a GetItem then a PutItem per add; a scan per read) measured
 * the same way in the same run.
 */
final class CartPhases {

  private CartPhases() {}

  static void addItem(Run run) {
    List<Shopper> shoppers = run.cartShoppers;
    int n = shoppers.size();
    run.say.accept(
        "cart add-item: %d connections, %d shoppers, %d s"
            .formatted(run.settings.connections(), n, run.settings.measure().toSeconds()));
    Measured m =
        Measured.of(
            run,
            "cart add-item",
            i -> {
              Shopper shopper = shoppers.get((int) (i % n));
              // Every cart holds the first product (CartSeeds): each round adds another line.
              String sku = run.skus.get((int) ((i / n + 1) % run.skus.size()));
              return run.shop
                  .post("/api/cart/items", shopper, Map.of("sku", sku, "quantity", 1), Map.of())
                  .map(r -> r.status());
            });
    // Every UpdateItem the cart sent, also those whose condition failed (a new cart's first add).
    List<Exchange> updates = Captured.sent(m.captured(), "UpdateItem");
    double motoPerAdd = m.motoAboveIdle() / Math.max(1, m.load().ok());
    run.facts.put("addMotoMsPerAdd", motoPerAdd);
    // The reference shop's requests for the same adds: a GetItem, then a PutItem of the whole item.
    List<Exchange> gets = readCarts(run, Math.min(n, 300));
    List<Exchange> puts = gets.stream().map(ReferenceRequests::putOf).toList();
    int c = run.settings.connections();
    Duration d = run.settings.ceiling();
    Replay.Ceiling update =
        Replay.run(run, "ceiling: the same UpdateItem", Captured.rounds(updates), c, d);
    Replay.Ceiling get =
        Replay.run(run, "ceiling: the reference's GetItem", Captured.rounds(gets), c, d);
    Replay.Ceiling put =
        Replay.run(run, "ceiling: the reference's PutItem", Captured.rounds(puts), c, d);
    double referenceMs = get.motoCpuMillisPerRequest() + put.motoCpuMillisPerRequest();
    double ours = 1000.0 / motoPerAdd;
    double theirs = 1000.0 / referenceMs;
    double ratio = ours / theirs;
    run.facts.put("motoMsPerUpdateItem", update.motoCpuMillisPerRequest());
    run.facts.put("motoMsPerPutItem", put.motoCpuMillisPerRequest());
    run.facts.put("motoMsPerGetItem", get.motoCpuMillisPerRequest());
    run.add(
        Figure.info(
            1,
            "add-item throughput at %d connections".formatted(c),
            "%.0f req/s, p50 %.0f ms, p99 %.0f ms"
                .formatted(
                    m.load().perSecond(), m.load().latencies().p50(), m.load().latencies().p99()),
            "the same UpdateItem straight to moto: %.0f req/s (ratio %.2f); moto at %.0f %% of a core"
                .formatted(
                    update.load().perSecond(),
                    m.load().perSecond() / Math.max(1, update.load().perSecond()),
                    100 * m.usage().coreShare("moto"))));
    run.add(
        new Figure(
            1,
            "add-items per emulator CPU-second",
            "%.0f (%.1f ms of moto CPU per add)".formatted(ours, motoPerAdd),
            "≥ 2× the reference",
            Figure.Verdict.of(ratio >= 2),
            "the reference's add (GetItem + PutItem of the item) replayed: %.0f per moto CPU-second (%.1f ms) → %.2f×"
                .formatted(theirs, referenceMs, ratio),
            ratio >= 2
                ? ""
                : ("measured: the cart sends %s per add; replayed alone, its UpdateItem costs moto %.1f ms of CPU,"
                        + " a PutItem of the same item %.1f ms, a GetItem %.1f ms. One UpdateItem costs moto about as much as"
                        + " the reference's GetItem and PutItem together: moto parses and evaluates the update and condition"
                        + " expressions in Python on every request and serialises the whole returned item (ALL_NEW)."
                        + " 2× would need an add below %.1f ms of moto CPU, less than moto's cheapest write of this item")
                    .formatted(
                        Measured.perAdd(m.calls(), m.load().ok()),
                        update.motoCpuMillisPerRequest(),
                        put.motoCpuMillisPerRequest(),
                        get.motoCpuMillisPerRequest(),
                        referenceMs / 2)));
    run.facts.put("addCalls", Measured.perAdd(m.calls(), m.load().ok()));
    run.add(
        Figure.info(
            1,
            "add-item: CPU per add, by process (above idle)",
            m.cpuInAll(run),
            m.cpuPerOperation(run)));
  }

  static void read(Run run) {
    List<Shopper> shoppers = run.cartShoppers;
    int n = shoppers.size();
    run.say.accept(
        "cart read: %d connections over %d shoppers' carts (%d carts in the table)"
            .formatted(run.settings.connections(), n, run.settings.carts()));
    Measured m =
        Measured.of(
            run,
            "cart read",
            i -> run.shop.get("/api/cart", shoppers.get((int) (i % n))).map(r -> r.status()));
    List<Exchange> gets = Captured.withItem(Captured.ok(m.captured(), "GetItem"));
    Replay.Ceiling get =
        Replay.run(
            run,
            "ceiling: the same GetItem",
            Captured.rounds(gets),
            run.settings.connections(),
            run.settings.ceiling());
    List<List<Exchange>> scans =
        gets.stream().limit(50).map(g -> List.of(ReferenceRequests.scanOf(g))).toList();
    Replay.Ceiling scan =
        Replay.run(
            run,
            "ceiling: the reference's read (a scan of every cart)",
            scans,
            run.settings.connections(),
            run.settings.ceiling());
    double ratio = m.load().perSecond() / Math.max(0.1, scan.load().perSecond());
    run.add(
        new Figure(
            2,
            "cart read at %d connections, %d carts in the table"
                .formatted(run.settings.connections(), run.settings.carts()),
            "%.0f req/s, p50 %.0f ms, p99 %.0f ms"
                .formatted(
                    m.load().perSecond(), m.load().latencies().p50(), m.load().latencies().p99()),
            "≥ 5× the reference",
            Figure.Verdict.of(ratio >= 5),
            "%d shoppers' carts read in turn; the same GetItem straight to moto: %.0f req/s (ratio %.2f); the reference's read (moto scans every cart for its GSI query): %.0f req/s → %.1f×; the reference measured 43–50 req/s"
                .formatted(
                    n,
                    get.load().perSecond(),
                    m.load().perSecond() / Math.max(1, get.load().perSecond()),
                    scan.load().perSecond(),
                    ratio),
            ratio >= 5
                ? ""
                : "moto at %.0f %% of a core; %.1f ms of moto CPU per read, the GetItem alone %.1f ms"
                    .formatted(
                        100 * m.usage().coreShare("moto"),
                        m.motoAboveIdle() / Math.max(1, m.load().ok()),
                        get.motoCpuMillisPerRequest())));
    run.add(
        Figure.info(
            2,
            "cart read: CPU per read, by process (above idle)",
            m.cpuInAll(run),
            m.cpuPerOperation(run)));
  }

  /** Figure 5's capacity units: one shopper's operations one at a time, their requests captured. */
  static void capacity(Run run) {
    CapacityProbe.run(run);
  }

  /** GETs {@code count} carts one by one, capturing the cart's GetItem for each. */
  private static List<Exchange> readCarts(Run run, int count) {
    run.proxy.capture(c -> c.client().equals("cart") && c.operation().equals("GetItem"));
    Flux.range(0, count)
        .flatMap(i -> run.shop.get("/api/cart", run.cartShoppers.get(i)), 8)
        .blockLast(Duration.ofSeconds(60));
    return Captured.withItem(Captured.ok(run.proxy.stopCapture(), "GetItem"));
  }
}
