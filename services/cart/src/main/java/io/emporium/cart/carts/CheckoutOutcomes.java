package io.emporium.cart.carts;

import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a settled order does to the cart it came from: confirmed clears it (a new generation),
 * cancelled reopens it. Only while the customer's cart is still that cart; older events are
 * ignored. Cancelled applies only to a CHECKED_OUT cart; confirmed also to one reopened meanwhile
 * (its checkout timed out, {@link CheckoutExpiry}): those goods were bought. The listener runs
 * these inside {@code Effect.once}: the effect and the event's processed marker commit in one
 * TransactWriteItems.
 */
@Component
public class CheckoutOutcomes {

  private static final Logger log = LoggerFactory.getLogger(CheckoutOutcomes.class);

  private final DynamoDbCartStore carts;
  private final DynamoDbSettlements settlements;

  CheckoutOutcomes(DynamoDbCartStore carts, DynamoDbSettlements settlements) {
    this.carts = carts;
    this.settlements = settlements;
  }

  public Mono<Void> orderConfirmed(String customerId, String cartId) {
    return settle(customerId, cartId, "cleared", settlements::clear, true);
  }

  public Mono<Void> orderCancelled(String customerId, String cartId) {
    return settle(customerId, cartId, "reopened", settlements::reopen, false);
  }

  private Mono<Void> settle(
      String customerId,
      String cartId,
      String outcome,
      BiFunction<String, String, TransactWriteItem> effect,
      boolean evenIfReopened) {
    return carts
        .find(customerId)
        .filter(
            cart ->
                cartId.equals(cart.cartId())
                    && (evenIfReopened || cart.status() == CartStatus.CHECKED_OUT))
        .flatMap(
            cart ->
                settlements
                    .write(effect.apply(customerId, cartId))
                    .doOnNext(
                        applied -> {
                          if (applied) {
                            log.info("cart {} of customer {} {}", cartId, customerId, outcome);
                          }
                        }))
        .switchIfEmpty(
            Mono.fromRunnable(
                () ->
                    log.info(
                        "cart {} of customer {} is not that cart or not checked out (any more): event"
                            + " ignored",
                        cartId,
                        customerId)))
        .then();
  }
}
