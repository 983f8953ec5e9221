package io.emporium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emporium.bench.proxy.Exchange;
import io.emporium.bench.shop.Shopper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * Fills the carts table before the cart phases: every cart shopper gets a cart of one line, so that
 * the add phase measures adds to an existing cart (the common add; a cart's first add is the
 * capacity probe's "add to a new cart"), and customers who never sign in get one each until the
 * table holds {@code carts} (the reference's read scans them all). One shopper adds through the
 * shop; the cart's own PutItem of that first line is the template, written again straight to the
 * emulator for every other customer with their id and a cart id of its own, so the seeded items are
 * exactly what the cart writes.
 */
final class CartSeeds {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CartSeeds() {}

  static void seed(Run run) {
    List<Shopper> shoppers = run.cartShoppers;
    int others = Math.max(0, run.settings.carts() - shoppers.size());
    run.say.accept(
        "giving each of the %d cart shoppers and %d other customers a cart of one line"
            .formatted(shoppers.size(), others));
    Shopper first = shoppers.getFirst();
    run.proxy.capture(c -> c.client().equals("cart") && c.operation().equals("PutItem"));
    int status =
        run.shop
            .post(
                "/api/cart/items",
                first,
                Map.of("sku", run.skus.getFirst(), "quantity", 1),
                Map.of())
            .map(r -> r.status())
            .block(Duration.ofSeconds(30));
    List<Exchange> puts = Captured.ok(run.proxy.stopCapture(), "PutItem");
    if (status != 200 || puts.isEmpty()) {
      throw new IllegalStateException(
          "the first add (HTTP %d) wrote no cart to copy (%d PutItem)"
              .formatted(status, puts.size()));
    }
    Exchange template = puts.getFirst();
    run.cartsTable = read(template.request()).path("TableName").asText();
    List<String> customers = new java.util.ArrayList<>();
    shoppers.subList(1, shoppers.size()).forEach(s -> customers.add(s.customerId()));
    for (int i = 0; i < others; i++) {
      customers.add("bench-" + UUID.randomUUID());
    }
    run.seededCustomers = java.util.Set.copyOf(customers);
    HttpClient http = HttpClient.create().disableRetry(true);
    Long failed =
        Flux.fromIterable(customers)
            .flatMap(
                customer ->
                    Replay.send(http, run.moto, copy(template, first.customerId(), customer)),
                8)
            .filter(code -> code != 200)
            .count()
            .block(Duration.ofSeconds(60));
    if (failed != null && failed > 0) {
      throw new IllegalStateException(failed + " seeded carts were refused by the emulator");
    }
  }

  /** The template's PutItem for {@code customer}: their id where the first shopper's was. */
  private static Exchange copy(Exchange template, String firstId, String customer) {
    ObjectNode request = (ObjectNode) read(template.request());
    ObjectNode put = JSON.createObjectNode();
    put.set("TableName", request.get("TableName"));
    ObjectNode item = ((ObjectNode) request.get("Item")).deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      JsonNode s = attribute.getValue().get("S");
      if (s != null && s.asText().contains(firstId)) {
        ((ObjectNode) attribute.getValue()).put("S", s.asText().replace(firstId, customer));
      }
    }
    if (item.has("cartId")) {
      item.putObject("cartId").put("S", UUID.randomUUID().toString());
    }
    put.set("Item", item);
    try {
      return new Exchange(
          template.call(),
          template.path(),
          template.headers(),
          JSON.writeValueAsBytes(put),
          200,
          new byte[0],
          template.arrivedNanos());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
