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
 * Gives every cart shopper a cart of one line before the cart phases, so that the add phase
 * measures adds to an existing cart (the common add; a cart's first add is the capacity probe's
 * "add to a new cart") and the read phase reads as many carts as it says. One shopper adds through
 * the shop; the cart's own PutItem of that first line is the template, written again straight to
 * the emulator for every other shopper with their customer id and a cart id of its own, so the
 * seeded items are exactly what the cart writes.
 */
final class CartSeeds {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CartSeeds() {}

  static void seed(Run run) {
    List<Shopper> shoppers = run.cartShoppers;
    run.say.accept(
        "giving each of the %d cart shoppers a cart of one line".formatted(shoppers.size()));
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
    List<Exchange> puts = CartPhases.ok(run.proxy.stopCapture(), "PutItem");
    if (status != 200 || puts.isEmpty()) {
      throw new IllegalStateException(
          "the first add (HTTP %d) wrote no cart to copy (%d PutItem)"
              .formatted(status, puts.size()));
    }
    Exchange template = puts.getFirst();
    run.cartsTable = read(template.request()).path("TableName").asText();
    HttpClient http = HttpClient.create().disableRetry(true);
    Long failed =
        Flux.fromIterable(shoppers.subList(1, shoppers.size()))
            .flatMap(
                shopper -> Replay.send(http, run.moto, copy(template, first.customerId(), shopper)),
                8)
            .filter(code -> code != 200)
            .count()
            .block(Duration.ofSeconds(60));
    if (failed != null && failed > 0) {
      throw new IllegalStateException(failed + " seeded carts were refused by the emulator");
    }
  }

  /** The template's PutItem for {@code shopper}: their id where the first shopper's was. */
  private static Exchange copy(Exchange template, String firstId, Shopper shopper) {
    ObjectNode request = (ObjectNode) read(template.request());
    ObjectNode put = JSON.createObjectNode();
    put.set("TableName", request.get("TableName"));
    ObjectNode item = ((ObjectNode) request.get("Item")).deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      JsonNode s = attribute.getValue().get("S");
      if (s != null && s.asText().contains(firstId)) {
        ((ObjectNode) attribute.getValue())
            .put("S", s.asText().replace(firstId, shopper.customerId()));
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
