package io.emporium.bench;

import io.emporium.bench.capacity.CapacityUnits;
import io.emporium.bench.proxy.Exchange;
import io.emporium.bench.report.Figure;
import io.emporium.bench.shop.Reply;
import io.emporium.bench.shop.Shopper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The DynamoDB requests and capacity units of each cart operation: a few fresh shoppers do the
 * operations one at a time (add to a new cart, add a second line, add to a line, read, change a
 * quantity, remove a line, check out) while the proxy keeps the cart's DynamoDB exchanges; each
 * exchange belongs to the operation during which it arrived.
 */
final class CapacityProbe {

  private static final int SHOPPERS = 3;

  private record Operation(String name, Function<Shopper, Mono<Reply>> call) {}

  private CapacityProbe() {}

  static void run(Run run) {
    String a = run.skus.get(3);
    String b = run.skus.get(4);
    List<Operation> operations =
        List.of(
            new Operation("add to a new cart", s -> add(run, s, a)),
            new Operation("add a second line", s -> add(run, s, b)),
            new Operation("add to a line", s -> add(run, s, a)),
            new Operation("read", s -> run.shop.get("/api/cart", s)),
            new Operation(
                "change a quantity",
                s -> run.shop.put("/api/cart/items/" + a, s, Map.of("quantity", 3))),
            new Operation("remove a line", s -> run.shop.delete("/api/cart/items/" + b, s)),
            new Operation(
                "check out",
                s ->
                    run.shop.post(
                        "/api/cart/checkout",
                        s,
                        run.identities.checkoutBody(s, ShopperRequests.APPROVED_CARD),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))));
    run.say.accept(
        "capacity units per cart operation: %d shoppers, one operation at a time"
            .formatted(SHOPPERS));
    Map<String, List<long[]>> windows = new LinkedHashMap<>();
    run.proxy.capture(c -> c.client().equals("cart") && c.service().equals("dynamodb"));
    for (int i = 0; i < SHOPPERS; i++) {
      Shopper shopper = run.newBuyer();
      for (Operation op : operations) {
        long start = System.nanoTime();
        Reply reply = op.call.apply(shopper).block(Duration.ofSeconds(30));
        if (reply == null || !reply.ok()) {
          throw new IllegalStateException(
              op.name
                  + " answered "
                  + (reply == null ? "nothing" : reply.status() + " " + reply.text()));
        }
        windows
            .computeIfAbsent(op.name, k -> new ArrayList<>())
            .add(new long[] {start, System.nanoTime()});
      }
    }
    List<Exchange> captured = run.proxy.stopCapture();
    run.checkoutTransactions =
        Captured.ok(captured, "TransactWriteItems").stream()
            .filter(e -> within(windows.get("check out"), e.arrivedNanos()))
            .toList();
    CapacityUnits units = new CapacityUnits();
    Map<String, CapacityUnits.Units> byOperation = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> requests = new LinkedHashMap<>();
    windows
        .keySet()
        .forEach(
            k -> {
              byOperation.put(k, CapacityUnits.Units.NONE);
              requests.put(k, new TreeMap<>());
            });
    for (Exchange e : captured) {
      if (messagingTable(e)) {
        continue; // the relay's and the listeners' requests, not the operation's
      }
      CapacityUnits.Units u = units.of(e.call().operation(), e.request(), e.status(), e.response());
      windows.forEach(
          (name, spans) -> {
            for (long[] span : spans) {
              if (e.arrivedNanos() >= span[0] && e.arrivedNanos() <= span[1]) {
                byOperation.merge(name, u, CapacityUnits.Units::plus);
                requests.get(name).merge(e.call().operation(), 1, Integer::sum);
              }
            }
          });
    }
    byOperation.forEach(
        (name, u) ->
            run.add(
                Figure.info(
                    5,
                    "DynamoDB per cart operation: " + name,
                    "%.1f RCU + %.1f WCU".formatted(u.read() / SHOPPERS, u.write() / SHOPPERS),
                    "requests: "
                        + perShopper(requests.get(name))
                        + " (units from item sizes: moto reports a constant)")));
  }

  private static boolean within(List<long[]> spans, long nanos) {
    return spans.stream().anyMatch(span -> nanos >= span[0] && nanos <= span[1]);
  }

  /** Requests on the outbox or inbox table outside a transaction: the relay's or a listener's. */
  static boolean messagingTable(Exchange e) {
    String body = new String(e.request(), java.nio.charset.StandardCharsets.UTF_8);
    return !e.call().operation().equals("TransactWriteItems")
        && (body.contains("-outbox\"") || body.contains("-inbox\""));
  }

  private static Mono<Reply> add(Run run, Shopper shopper, String sku) {
    return run.shop.post("/api/cart/items", shopper, Map.of("sku", sku, "quantity", 1), Map.of());
  }

  private static String perShopper(Map<String, Integer> counts) {
    StringBuilder out = new StringBuilder();
    counts.forEach(
        (op, n) -> {
          if (out.length() > 0) {
            out.append(", ");
          }
          out.append("%s %.1f".formatted(op, n / (double) SHOPPERS));
        });
    return out.isEmpty() ? "none" : out.toString();
  }
}
