package io.emporium.bench;

import io.emporium.bench.load.Latencies;
import io.emporium.bench.load.LoadResult;
import io.emporium.bench.proxy.CallCounts;
import io.emporium.bench.report.Figure;
import io.emporium.bench.shop.Shopper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Figures 4, 5 and 7's saga rows: checkouts of signed-in shoppers through the edge, followed to
 * CONFIRMED in the order service's database. At 5 orders/s within the shopper mix (browse/search 70
 * %, cart edits 20 %, checkout 10 %): latency and AWS requests per completed order. Then pure
 * checkouts at 1, 4 and 16 orders/s: the whole shop's CPU per order, messaging requests per order
 * and, at the highest rate, the saga's throughput.
 */
final class Checkouts {

  private Checkouts() {}

  /** The shopper mix at 10 × the order rate: checkout is one request in ten. */
  static void atFiveOrdersPerSecond(Run run) throws Exception {
    double orders = run.settings.mixedOrdersPerSecond();
    Map<Long, Shopper> buyers = new ConcurrentHashMap<>();
    Map<Shopper, AtomicInteger> added = new ConcurrentHashMap<>();
    // A buyer checks out once both their adds answered: a checkout while an add is still on its way
    // is refused (an empty cart, 422; or a cart that changed during checkout, 409), as a browser's
    // would be, and says nothing about the saga.
    Queue<Shopper> ready = new ConcurrentLinkedQueue<>();
    Map<String, Instant> sent = new ConcurrentHashMap<>();
    run.say.accept(
        "checkout latency: the shopper mix at %.0f req/s (%.0f orders/s) for %d s"
            .formatted(orders * 10, orders, run.settings.mixed().toSeconds()));
    Window window = Window.open(run);
    LoadResult mix =
        run.load.open(
            "shopper mix",
            orders * 10,
            run.settings.mixed(),
            i -> {
              long decade = i / 10;
              int slot = (int) (i % 10);
              if (slot >= 7 && slot <= 8) {
                Shopper buyer = buyers.computeIfAbsent(decade, d -> run.newBuyer());
                return ShopperRequests.add(run, buyer, (int) i)
                    .doOnNext(
                        status -> {
                          var ok = added.computeIfAbsent(buyer, b -> new AtomicInteger());
                          if (status == 200 && ok.incrementAndGet() == 2) {
                            ready.add(buyer);
                          }
                        });
              }
              Shopper buyer = slot == 9 ? ready.poll() : null;
              if (buyer != null) {
                return ShopperRequests.checkout(run, buyer, sent);
              }
              return ShopperRequests.browse(run, i);
            });
    run.say.accept("  " + mix.summary());
    Map<String, Outcomes.Outcome> outcomes =
        Outcomes.await(run, sent.keySet(), false, run.settings.drain());
    Window.Result w = window.close();
    long[] confirmedNanos =
        outcomes.entrySet().stream()
            .filter(e -> e.getValue().status().equals("CONFIRMED"))
            .mapToLong(e -> Duration.between(sent.get(e.getKey()), e.getValue().at()).toNanos())
            .toArray();
    Latencies latency = Latencies.ofNanos(confirmedNanos);
    long confirmed = confirmedNanos.length;
    run.add(
        new Figure(
            4,
            "checkout → CONFIRMED at %.0f orders/s (shopper mix)".formatted(orders),
            "p50 %.0f ms, p99 %.0f ms".formatted(latency.p50(), latency.p99()),
            "p99 ≤ 1 s",
            Figure.Verdict.of(latency.p99() <= 1000),
            "%d checkouts, %d confirmed, %d not settled within %d s; mix p99 %.0f ms"
                .formatted(
                    sent.size(),
                    confirmed,
                    sent.size()
                        - outcomes.values().stream().filter(Outcomes.Outcome::isFinal).count(),
                    run.settings.drain().toSeconds(),
                    mix.latencies().p99()),
            latency.p99() <= 1000 ? "" : w.limits(confirmed)));
    run.add(
        Figure.info(
            5,
            "AWS requests per completed order (shopper mix, %.0f orders/s)".formatted(orders),
            "%.1f"
                .formatted(
                    w.calls().total(c -> !c.client().equals("unsigned"))
                        / (double) Math.max(1, confirmed)),
            "by API: " + w.perOrder(confirmed, c -> true)));
    run.add(
        Figure.info(
            3,
            "order service JVM CPU per confirmed order (the whole saga's share)",
            "%.2f ms"
                .formatted(
                    w.usage().aboveIdle(run.idle, List.of("order")) / Math.max(1, confirmed)),
            "PostgreSQL %.2f ms per order (every service's queries)"
                .formatted(
                    w.usage().aboveIdle(run.idle, List.of("postgres")) / Math.max(1, confirmed))));
  }

  /** Checkouts only (each an add then a checkout) at each of the settings' rates. */
  static void sagaRates(Run run) throws Exception {
    List<Settings.SagaRate> rates = run.settings.sagaRates();
    for (int r = 0; r < rates.size(); r++) {
      double rate = rates.get(r).perSecond();
      Duration length = rates.get(r).length();
      if (!run.fits(Phases.sagaRate(rates.get(r)))) {
        run.add(
            Figure.notMeasured(
                7,
                "saga CPU per order at %.0f orders/s".formatted(rate),
                "",
                "the run's time budget was spent"));
        continue;
      }
      Map<String, Instant> sent = new ConcurrentHashMap<>();
      run.say.accept("saga at %.0f orders/s for %d s".formatted(rate, length.toSeconds()));
      Window window = Window.open(run);
      Instant start = Instant.now();
      LoadResult load =
          run.load.open(
              "checkouts at %.0f/s".formatted(rate),
              rate,
              length,
              i -> {
                Shopper buyer = run.newBuyer();
                return ShopperRequests.add(run, buyer, (int) i)
                    .flatMap(
                        s -> s >= 300 ? Mono.just(s) : ShopperRequests.checkout(run, buyer, sent));
              });
      run.say.accept("  " + load.summary());
      Map<String, Outcomes.Outcome> outcomes =
          Outcomes.await(run, sent.keySet(), false, run.settings.drain());
      Window.Result w = window.close();
      long settled = outcomes.values().stream().filter(Outcomes.Outcome::isFinal).count();
      long confirmed =
          outcomes.values().stream().filter(o -> o.status().equals("CONFIRMED")).count();
      Instant last =
          outcomes.values().stream()
              .map(Outcomes.Outcome::at)
              .max(Instant::compareTo)
              .orElse(Instant.now());
      double span = Math.max(0.001, Duration.between(start, last).toMillis() / 1000.0);
      double cpu = w.usage().aboveIdle(run.idle, Run.everything(run.cpu)) / Math.max(1, confirmed);
      double messaging = w.calls().total(CallCounts::messaging) / (double) Math.max(1, confirmed);
      run.add(
          Figure.info(
              7,
              "saga CPU per order at %.0f orders/s".formatted(rate),
              "%.0f ms (%d confirmed of %d)".formatted(cpu, confirmed, sent.size()),
              "all processes above idle: " + w.cpuPerOrder(confirmed)));
      boolean top = r == rates.size() - 1;
      run.add(
          new Figure(
              5,
              "messaging requests per completed order at %.0f orders/s".formatted(rate),
              "%.1f".formatted(messaging),
              top ? "≤ 3 at 20 orders/s" : "",
              top ? Figure.Verdict.of(messaging <= 3) : Figure.Verdict.NONE,
              w.perOrder(confirmed, CallCounts::messaging),
              top && messaging > 3 ? w.messagingLimits(confirmed) : ""));
      if (top) {
        double throughput = confirmed / span;
        run.facts.put("sagaThroughput", throughput);
        run.add(
            Figure.info(
                4,
                "saga throughput, %.0f orders/s offered".formatted(rate),
                "%.1f confirmed orders/s".formatted(throughput),
                (settled < sent.size()
                        ? "%d of %d not settled after %d s of draining; "
                            .formatted(
                                sent.size() - settled,
                                sent.size(),
                                run.settings.drain().toSeconds())
                        : "")
                    + "moto at %.0f %% of a core".formatted(100 * w.usage().coreShare("moto"))));
      }
    }
  }
}
