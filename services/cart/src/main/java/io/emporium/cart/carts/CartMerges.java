package io.emporium.cart.carts;

import io.emporium.cart.catalog.CatalogClient;
import io.emporium.cart.catalog.Product;
import io.emporium.cart.config.CartProperties;
import io.emporium.platform.web.ConflictException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Merging the browser's guest cart into the account's at sign-in: each guest line is priced by the
 * catalog and joins the cart within its limits, or is listed as skipped; the whole merge is one
 * transaction, once per guest cart id (a repeat changes nothing and answers the same skipped
 * lines). A cart that changed meanwhile is merged again from its new state.
 */
@Component
class CartMerges {

  private static final int ATTEMPTS = 3;

  private final DynamoDbCartStore carts;
  private final DynamoDbMerges merges;
  private final CatalogClient catalog;
  private final CatalogNow now;
  private final CartProperties properties;

  CartMerges(
      DynamoDbCartStore carts,
      DynamoDbMerges merges,
      CatalogClient catalog,
      CatalogNow now,
      CartProperties properties) {
    this.carts = carts;
    this.merges = merges;
    this.catalog = catalog;
    this.now = now;
    this.properties = properties;
  }

  Mono<Merge> merge(String customerId, MergeRequest request) {
    Map<String, Integer> guest = new LinkedHashMap<>();
    request.lines().forEach(line -> guest.merge(line.sku(), line.quantity(), Integer::sum));
    return merges
        .find(customerId, request.guestCartId())
        .flatMap(skipped -> answer(customerId, skipped))
        .switchIfEmpty(
            Mono.defer(
                () ->
                    priced(guest)
                        .flatMap(
                            products ->
                                mergeOnce(customerId, request, guest, products)
                                    .retryWhen(
                                        Retry.backoff(ATTEMPTS - 1, Duration.ofMillis(20))
                                            .filter(CartChangedMeanwhile.class::isInstance)
                                            .onRetryExhaustedThrow((spec, signal) -> changed())))));
  }

  /** The guest lines' products, read with one catalog request (empty: the catalog has none). */
  private Mono<Map<String, Optional<Product>>> priced(Map<String, Integer> guest) {
    return catalog
        .products(guest.keySet())
        .map(
            found -> {
              Map<String, Optional<Product>> products = new LinkedHashMap<>();
              guest.keySet().forEach(sku -> products.put(sku, Optional.ofNullable(found.get(sku))));
              return products;
            });
  }

  private Mono<Merge> mergeOnce(
      String customerId,
      MergeRequest request,
      Map<String, Integer> guest,
      Map<String, Optional<Product>> products) {
    return carts
        .find(customerId)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            cart -> {
              if (cart.isPresent() && cart.get().status() != CartStatus.OPEN) {
                return Mono.error(
                    new Verdict.Locked(cart.get().status(), cart.get().checkoutId()).problem());
              }
              MergePlan plan = MergePlan.of(cart, guest, products, properties.currency());
              return merges
                  .write(customerId, cart, plan, request.guestCartId())
                  .then(answer(customerId, plan.skipped()))
                  .onErrorResume(
                      TransactionCanceledException.class,
                      e ->
                          markerExisted(e)
                              ? merges
                                  .find(customerId, request.guestCartId())
                                  .flatMap(skipped -> answer(customerId, skipped))
                              : Mono.error(new CartChangedMeanwhile()));
            });
  }

  private Mono<Merge> answer(String customerId, List<Merge.Skipped> skipped) {
    return carts
        .find(customerId)
        .defaultIfEmpty(Cart.empty(customerId, properties.currency()))
        .flatMap(now::of)
        .map(cart -> new Merge(cart, skipped));
  }

  private static boolean markerExisted(TransactionCanceledException e) {
    return e.hasCancellationReasons()
        && e.cancellationReasons().size() > DynamoDbMerges.MARKER
        && "ConditionalCheckFailed"
            .equals(e.cancellationReasons().get(DynamoDbMerges.MARKER).code());
  }

  private static ConflictException changed() {
    return new ConflictException("The cart kept changing during the merge: try again");
  }

  /** The cart's version moved between reading and writing it: merge again from the new state. */
  private static final class CartChangedMeanwhile extends RuntimeException {
    CartChangedMeanwhile() {
      super(null, null, false, false);
    }
  }
}
