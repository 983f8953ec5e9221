package io.emporium.bench;

import io.emporium.bench.load.LoadResult;
import io.emporium.bench.proc.CpuMeter;
import io.emporium.bench.proxy.CallCounts;
import io.emporium.bench.proxy.Exchange;
import io.emporium.bench.report.Figure;
import io.emporium.bench.shop.Shopper;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        measure(
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
    List<Exchange> updates = sent(m.captured, "UpdateItem");
    double motoPerAdd = m.motoAboveIdle / Math.max(1, m.load.ok());
    run.facts.put("addMotoMsPerAdd", motoPerAdd);
    // The reference shop's requests for the same adds: a GetItem, then a PutItem of the whole item.
    List<Exchange> gets = readCarts(run, Math.min(n, 300));
    List<Exchange> puts = gets.stream().map(ReferenceRequests::putOf).toList();
    int c = run.settings.connections();
    Duration d = run.settings.ceiling();
    Replay.Ceiling update = Replay.run(run, "ceiling: the same UpdateItem", rounds(updates), c, d);
    Replay.Ceiling get = Replay.run(run, "ceiling: the reference's GetItem", rounds(gets), c, d);
    Replay.Ceiling put = Replay.run(run, "ceiling: the reference's PutItem", rounds(puts), c, d);
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
                .formatted(m.load.perSecond(), m.load.latencies().p50(), m.load.latencies().p99()),
            "the same UpdateItem straight to moto: %.0f req/s (ratio %.2f); moto at %.0f %% of a core"
                .formatted(
                    update.load().perSecond(),
                    m.load.perSecond() / Math.max(1, update.load().perSecond()),
                    100 * m.usage.coreShare("moto"))));
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
                        perAdd(m.calls, m.load.ok()),
                        update.motoCpuMillisPerRequest(),
                        put.motoCpuMillisPerRequest(),
                        get.motoCpuMillisPerRequest(),
                        referenceMs / 2)));
    run.facts.put("addCalls", perAdd(m.calls, m.load.ok()));
    run.add(
        Figure.info(
            1,
            "add-item: CPU per add, by process (above idle)",
            cpuInAll(run, m),
            cpuPerOperation(run, m)));
  }

  /** CPU ms per answered request, by process, above each one's idle rate; the bench itself too. */
  static String cpuPerOperation(Run run, Measured m) {
    double share = m.load.seconds() / m.usage.seconds();
    StringBuilder out = new StringBuilder();
    for (String name : run.cpu.processes().keySet().stream().sorted().toList()) {
      double ms = m.usage.aboveIdle(run.idle, List.of(name)) * share / Math.max(1, m.load.ok());
      double jit = m.usage.of(name + CpuMeter.JIT) * share / Math.max(1, m.load.ok());
      if (ms >= 0.05) {
        out.append(out.isEmpty() ? "" : ", ").append("%s %.1f".formatted(name, ms));
        if (jit >= 0.05) {
          out.append(" (JIT %.1f)".formatted(jit));
        }
      }
    }
    return out.append(
            " ms (JIT: the compiler threads, still compiling hot code; bench: the load generator"
                + " and the counting proxy)")
        .toString();
  }

  /** "N ms in all (M without JIT compilation)", over the shop's processes. */
  private static String cpuInAll(Run run, Measured m) {
    double share = m.load.seconds() / m.usage.seconds();
    double jit = 0;
    for (String name : Run.everything(run.cpu)) {
      jit += m.usage.of(name + CpuMeter.JIT) * share / Math.max(1, m.load.ok());
    }
    double all = cpuTotal(run, m);
    return "%.1f ms in all (%.1f without JIT compilation)".formatted(all, all - jit);
  }

  private static double cpuTotal(Run run, Measured m) {
    double share = m.load.seconds() / m.usage.seconds();
    return m.usage.aboveIdle(
            run.idle,
            run.cpu.processes().keySet().stream().filter(n -> !n.equals("bench")).toList())
        * share
        / Math.max(1, m.load.ok());
  }

  static void read(Run run) {
    List<Shopper> shoppers = run.cartShoppers;
    int n = shoppers.size();
    run.say.accept(
        "cart read: %d connections over %d shoppers' carts (%d carts in the table)"
            .formatted(run.settings.connections(), n, run.settings.carts()));
    Measured m =
        measure(
            run,
            "cart read",
            i -> run.shop.get("/api/cart", shoppers.get((int) (i % n))).map(r -> r.status()));
    List<Exchange> gets = withItem(ok(m.captured, "GetItem"));
    Replay.Ceiling get =
        Replay.run(
            run,
            "ceiling: the same GetItem",
            rounds(gets),
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
    double ratio = m.load.perSecond() / Math.max(0.1, scan.load().perSecond());
    run.add(
        new Figure(
            2,
            "cart read at %d connections, %d carts in the table"
                .formatted(run.settings.connections(), run.settings.carts()),
            "%.0f req/s, p50 %.0f ms, p99 %.0f ms"
                .formatted(m.load.perSecond(), m.load.latencies().p50(), m.load.latencies().p99()),
            "≥ 5× the reference",
            Figure.Verdict.of(ratio >= 5),
            "%d shoppers' carts read in turn; the same GetItem straight to moto: %.0f req/s (ratio %.2f); the reference's read (moto scans every cart for its GSI query): %.0f req/s → %.1f×; the reference measured 43–50 req/s"
                .formatted(
                    n,
                    get.load().perSecond(),
                    m.load.perSecond() / Math.max(1, get.load().perSecond()),
                    scan.load().perSecond(),
                    ratio),
            ratio >= 5
                ? ""
                : "moto at %.0f %% of a core; %.1f ms of moto CPU per read, the GetItem alone %.1f ms"
                    .formatted(
                        100 * m.usage.coreShare("moto"),
                        m.motoAboveIdle / Math.max(1, m.load.ok()),
                        get.motoCpuMillisPerRequest())));
    run.add(
        Figure.info(
            2,
            "cart read: CPU per read, by process (above idle)",
            cpuInAll(run, m),
            cpuPerOperation(run, m)));
  }

  /** Figure 5's capacity units: one shopper's operations one at a time, their requests captured. */
  static void capacity(Run run) {
    CapacityProbe.run(run);
  }

  /** One measured load with its CPU, the cart's requests and the exchanges captured meanwhile. */
  record Measured(
      LoadResult load,
      CpuMeter.Usage usage,
      double motoAboveIdle,
      CallCounts calls,
      List<Exchange> captured) {}

  static Measured measure(Run run, String name, io.emporium.bench.load.Load.Action action) {
    CallCounts callsBefore = run.proxy.snapshot();
    CpuMeter.Snapshot before = run.cpu.snapshot();
    run.proxy.capture(c -> c.client().equals("cart") && c.service().equals("dynamodb"));
    LoadResult load =
        run.load.closed(
            name,
            run.settings.connections(),
            run.settings.warmUp(),
            run.settings.measure(),
            action);
    List<Exchange> captured = run.proxy.stopCapture();
    CpuMeter.Usage usage = run.cpu.snapshot().since(before);
    CallCounts calls = run.proxy.snapshot().minus(callsBefore);
    run.say.accept("  " + load.summary());
    // CPU and requests cover warm-up too: scale to the measured answers by the share of time.
    double share = load.seconds() / usage.seconds();
    double moto = usage.aboveIdle(run.idle, List.of("moto")) * share;
    return new Measured(load, usage, moto, scaled(calls, share), captured);
  }

  private static CallCounts scaled(CallCounts calls, double share) {
    Map<io.emporium.bench.proxy.AwsCall, Long> out = new java.util.HashMap<>();
    calls.counts().forEach((c, v) -> out.put(c, Math.round(v * share)));
    return new CallCounts(out);
  }

  static String perAdd(CallCounts calls, long adds) {
    return perAdd(calls, "cart", adds);
  }

  /** {@code client}'s requests by API, per {@code per} (e.g. per add, per order). */
  static String perAdd(CallCounts calls, String client, long adds) {
    StringBuilder out = new StringBuilder();
    calls
        .byApi(c -> c.client().equals(client))
        .forEach(
            (api, count) -> {
              if (out.length() > 0) {
                out.append(", ");
              }
              out.append("%s %.2f".formatted(api, count / (double) Math.max(1, adds)));
            });
    return out.toString();
  }

  static List<Exchange> sent(List<Exchange> captured, String operation) {
    return captured.stream()
        .filter(e -> e.call().operation().equals(operation) && e.status() < 500)
        .toList();
  }

  static List<Exchange> ok(List<Exchange> captured, String operation) {
    return captured.stream()
        .filter(e -> e.call().operation().equals(operation) && e.status() == 200)
        .toList();
  }

  static List<List<Exchange>> rounds(List<Exchange> exchanges) {
    if (exchanges.isEmpty()) {
      throw new IllegalStateException("no requests were captured to replay");
    }
    return exchanges.stream().map(List::of).toList();
  }

  /** GETs {@code count} carts one by one, capturing the cart's GetItem for each. */
  private static List<Exchange> readCarts(Run run, int count) {
    run.proxy.capture(c -> c.client().equals("cart") && c.operation().equals("GetItem"));
    reactor.core.publisher.Flux.range(0, count)
        .flatMap(i -> run.shop.get("/api/cart", run.cartShoppers.get(i)), 8)
        .blockLast(Duration.ofSeconds(60));
    return withItem(ok(run.proxy.stopCapture(), "GetItem"));
  }

  /** GetItem exchanges that found a cart. */
  static List<Exchange> withItem(List<Exchange> gets) {
    return gets.stream().filter(ReferenceRequests::foundItem).toList();
  }
}
