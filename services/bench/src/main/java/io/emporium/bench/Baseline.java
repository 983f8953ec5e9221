package io.emporium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.bench.proc.CpuMeter;
import io.emporium.bench.proxy.AwsCall;
import io.emporium.bench.proxy.CallCounts;
import io.emporium.bench.report.Figure;
import io.emporium.bench.shop.Reply;
import io.emporium.platform.messaging.dynamodb.DynamoDbOutboxTable;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before any load: the seed catalog's skus (with stock enough for every order of the run), the
 * shoppers, and what the idle shop costs: CPU per process and AWS requests per second, which the
 * later phases subtract or report.
 */
final class Baseline {

  private Baseline() {}

  static void run(Run run) throws Exception {
    List<String> skus = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      Reply reply =
          run.shop.get("/api/catalog/products?sort=name&size=100&page=" + page, null).block();
      if (reply == null || !reply.ok()) {
        throw new IllegalStateException("the catalog did not list products: " + reply);
      }
      reply.json().get("items").forEach((JsonNode p) -> skus.add(p.get("sku").asText()));
    }
    run.skus = List.copyOf(skus);
    try (Connection catalog = run.stack.connect("catalog");
        Statement sql = catalog.createStatement()) {
      sql.executeUpdate("UPDATE stock SET on_hand = on_hand + 1000000");
      try (var version = sql.executeQuery("SHOW server_version")) {
        version.next();
        run.facts.put(
            "postgresVersion", "PostgreSQL " + version.getString(1) + " (embedded, zonky)");
      }
    }
    run.cartShoppers = run.identities.cartShoppers(run.settings.cartShoppers());
    run.identities.prepareBuyers(buyersNeeded(run.settings));
    run.say.accept(
        "%d products, stock raised for the run; idle for %d s (what the quiet shop costs)"
            .formatted(skus.size(), run.settings.idle().toSeconds()));
    measureIdle(run, run.settings.idle());
  }

  /**
   * The idle window again once the JVMs have compiled their hot code (after the cart phases): the
   * CPU the later phases subtract, and the idle figures reported.
   */
  static void warmIdle(Run run) throws Exception {
    run.say.accept(
        "idle again for %d s, now that the JVMs are warm"
            .formatted(run.settings.warmIdle().toSeconds()));
    measureIdle(run, run.settings.warmIdle());
    report(run);
  }

  /** What a settling shop sends and an idle one does not: writes, publishes, deletes, emails. */
  private static final java.util.Set<String> SETTLING =
      java.util.Set.of(
          "PublishBatch",
          "Publish",
          "TransactWriteItems",
          "PutItem",
          "UpdateItem",
          "BatchWriteItem",
          "DeleteMessageBatch",
          "DeleteMessage",
          "POST /v2/email/outbound-emails");

  private static void measureIdle(Run run, java.time.Duration length) throws InterruptedException {
    awaitQuiet(run);
    CallCounts callsBefore = run.proxy.snapshot();
    CpuMeter.Snapshot before = run.cpu.snapshot();
    Thread.sleep(length.toMillis());
    run.idle = run.cpu.snapshot().since(before);
    run.idleCalls = run.proxy.snapshot().minus(callsBefore);
  }

  /**
   * Waits (at most 30 s) until the shop has sent no settling request ({@link #SETTLING}) for 2 s:
   * the orders, emails and relays of the phase before must not count as idle.
   */
  private static void awaitQuiet(Run run) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    CallCounts last = run.proxy.snapshot();
    int quietTicks = 0;
    while (quietTicks < 4 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      CallCounts now = run.proxy.snapshot();
      long settling =
          now.minus(last)
              .total(c -> !c.client().equals("bench") && SETTLING.contains(c.operation()));
      quietTicks = settling == 0 ? quietTicks + 1 : 0;
      last = now;
    }
    if (quietTicks < 4) {
      run.say.accept("  the shop was still settling after 30 s: idle measured anyway");
    }
  }

  private static void report(Run run) {
    double seconds = run.idle.seconds();
    Map<String, Long> cart = run.idleCalls.byApi(c -> c.client().equals("cart"));
    double cartQueries = cart.getOrDefault("dynamodb:Query", 0L) / seconds;
    double all = run.idleCalls.total(c -> !c.client().equals(AwsCall.UNSIGNED)) / seconds;
    run.add(
        Figure.info(
            5,
            "idle: AWS requests of the whole shop",
            "%.1f/s (%,.0f a day)".formatted(all, all * 86_400),
            "by API: " + perSecond(run.idleCalls.byApi(c -> true), seconds)));
    run.add(
        new Figure(
            5,
            "idle: the cart outbox relay's DynamoDB Query",
            "%.1f/s (%,.0f a day)".formatted(cartQueries, cartQueries * 86_400),
            "",
            Figure.Verdict.NONE,
            "issue 18 counted 4.5/s (≈ 390 000 a day) with a relay pausing at most 1 s",
            idleQueries(cartQueries, seconds)));
    run.add(
        Figure.info(
            3,
            "idle CPU of the shop (all processes)",
            "%.0f ms/s".formatted(run.idle.total() / seconds),
            "moto %.0f ms/s, PostgreSQL %.0f ms/s"
                .formatted(run.idle.of("moto") / seconds, run.idle.of("postgres") / seconds)));
  }

  /**
   * What the cart's idle Query rate is made of, beside what the defaults predict: an idle relay
   * round queries every outbox shard and pauses at most {@code
   * emporium.messaging.relay.max-idle-interval} (5 s) before the next; the outbox gauges query
   * every shard every 15 s.
   */
  static String idleQueries(double perSecond, double seconds) {
    int shards = DynamoDbOutboxTable.DEFAULT_SHARDS;
    double expected = shards / 5.0 + shards / 15.0;
    return ("%.0f Query in %.0f s; the defaults predict %.2f/s: an idle relay round queries each of"
            + " the outbox's %d shards and pauses at most 5 s (emporium.messaging.relay.max-idle-interval,"
            + " 1 s before), %.2f/s, and the outbox gauges query each shard every 15 s, %.2f/s")
        .formatted(perSecond * seconds, seconds, expected, shards, shards / 5.0, shards / 15.0);
  }

  /** Capacity probe, shopper mix (one buyer per ten requests) and every saga rate. */
  static int buyersNeeded(Settings settings) {
    double saga = 0;
    for (Settings.SagaRate rate : settings.sagaRates()) {
      saga += rate.orders();
    }
    double mix = settings.mixedOrdersPerSecond() * settings.mixed().toSeconds();
    return (int) Math.ceil(10 + mix * 1.2 + saga * 1.2);
  }

  static String perSecond(Map<String, Long> counts, double seconds) {
    StringBuilder out = new StringBuilder();
    counts.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(
            e -> {
              if (out.length() > 0) {
                out.append(", ");
              }
              out.append(e.getKey()).append(" %.2f/s".formatted(e.getValue() / seconds));
            });
    return out.toString();
  }
}
