package io.emporium.bench;

import io.emporium.bench.shop.Reply;
import io.emporium.bench.shop.Shopper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * The requests of the shopper mix, each answering its HTTP status: an add to the cart, a checkout
 * (paid with an approved card, its checkout id noted when accepted) and a catalog browse or search.
 * The first refusal of each kind is logged.
 */
final class ShopperRequests {

  static final String APPROVED_CARD = "tok_4242424242424242";
  private static final List<String> WORDS =
      List.of(
          "knife",
          "coffee",
          "lamp",
          "chair",
          "tent",
          "headphones",
          "backpack",
          "garden",
          "puzzle",
          "kettle");

  private ShopperRequests() {}

  static Mono<Integer> add(Run run, Shopper shopper, int i) {
    String sku = run.skus.get(Math.floorMod(i * 7, run.skus.size()));
    return run.shop
        .post("/api/cart/items", shopper, Map.of("sku", sku, "quantity", 1), Map.of())
        .map(reply -> firstOfItsKind(run, "an add", reply));
  }

  /** What the first refusal of each kind said (once per request kind and status), for the log. */
  private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();

  static int firstOfItsKind(Run run, String what, Reply reply) {
    if (!reply.ok() && SHOWN.add(what + reply.status())) {
      String text = reply.text();
      run.say.accept(
          "  %s answered %d (first of its kind): %s"
              .formatted(
                  what, reply.status(), text.length() > 400 ? text.substring(0, 400) : text));
    }
    return reply.status();
  }

  static Mono<Integer> checkout(Run run, Shopper shopper, Map<String, Instant> sent) {
    Instant at = Instant.now();
    return run.shop
        .post(
            "/api/cart/checkout",
            shopper,
            run.identities.checkoutBody(shopper, APPROVED_CARD),
            Map.of("Idempotency-Key", UUID.randomUUID().toString()))
        .map(
            reply -> {
              if (reply.ok()) {
                sent.put(reply.json().get("checkoutId").asText(), at);
              }
              return firstOfItsKind(run, "a checkout", reply);
            });
  }

  static Mono<Integer> browse(Run run, long i) {
    int kind = (int) (i % 10);
    String path =
        switch (kind % 3) {
          case 0 -> "/api/catalog/products?q=" + WORDS.get((int) (i / 10 % WORDS.size()));
          case 1 -> "/api/catalog/products?sort=name&size=24&page=" + (i / 10 % 10);
          default -> "/api/catalog/products/" + run.skus.get((int) (i / 10 % run.skus.size()));
        };
    return run.shop.get(path, null).map(Reply::status);
  }
}
