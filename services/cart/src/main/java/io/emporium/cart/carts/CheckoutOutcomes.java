package io.emporium.cart.carts;

import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a settled order does to the cart it came from: confirmed clears it (a new generation),
 * cancelled reopens it. Only while the customer's cart is still that cart and CHECKED_OUT; older
 * events are ignored. The listener runs these inside {@code Effect.once}: the effect and the
 * event's processed marker commit in one TransactWriteItems.
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
    return settle(customerId, cartId, "cleared", settlements::clear);
  }

  public Mono<Void> orderCancelled(String customerId, String cartId) {
    return settle(customerId, cartId, "reopened", settlements::reopen);
  }

  private Mono<Void> settle(
      String customerId,
      String cartId,
      String outcome,
      BiFunction<String, String, TransactWriteItem> effect) {
    return carts
        .find(customerId)
        .filter(cart -> cartId.equals(cart.cartId()) && cart.status() == CartStatus.CHECKED_OUT)
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
                        "cart {} of customer {} is not checked out (any more): event ignored",
                        cartId,
                        customerId)))
        .then();
  }
}
