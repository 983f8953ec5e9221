package io.emporium.cart.carts;

import static io.emporium.cart.carts.CartItems.s;

import io.emporium.cart.config.CartProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The cart's own timeout of a checkout that never heard back (issue 14 defect 7): a cart
 * CHECKED_OUT for longer than {@code emporium.cart.checkout-timeout} is reopened, with its lines,
 * when it is next read. The order service cancels any order of that checkout by its saga deadline,
 * which runs from the checkout and is far shorter, so by then the checkout's outcome was decided;
 * if it was lost, the shopper gets the cart back instead of a cart locked until it is abandoned. An
 * OrderConfirmed that still arrives later clears that cart all the same.
 *
 * <p>Lazy, on read, because the table has no index to find such carts by (a scan is not a design).
 * The lock time is the checkout record's, written in the checkout's transaction.
 */
@Component
class CheckoutExpiry {

  private static final Logger log = LoggerFactory.getLogger(CheckoutExpiry.class);

  private final DynamoDbAsyncClient dynamo;
  private final CartsTable table;
  private final DynamoDbCartStore carts;
  private final Duration timeout;
  private final String currency;
  private final Counter expired;

  CheckoutExpiry(
      DynamoDbAsyncClient dynamo,
      CartsTable table,
      DynamoDbCartStore carts,
      CartProperties properties,
      MeterRegistry meters) {
    this.dynamo = dynamo;
    this.table = table;
    this.carts = carts;
    this.timeout = properties.checkoutTimeout();
    this.currency = properties.currency();
    this.expired = meters.counter("emporium.cart.checkouts", "outcome", "expired");
  }

  /** {@code cart} as it is, or reopened when its checkout waited longer than the timeout. */
  Mono<Cart> current(Cart cart) {
    if (cart.status() != CartStatus.CHECKED_OUT || cart.checkoutId() == null) {
      return Mono.just(cart);
    }
    return lockedAt(cart.checkoutId())
        .filter(lockedAt -> lockedAt.plus(timeout).isBefore(Instant.now()))
        .flatMap(lockedAt -> reopen(cart, lockedAt))
        .defaultIfEmpty(cart);
  }

  private Mono<Instant> lockedAt(String checkoutId) {
    return Mono.fromFuture(
            () ->
                dynamo.getItem(
                    b ->
                        b.tableName(table.name())
                            .key(Map.of(CartsTable.PK, s("CHECKOUT#" + checkoutId)))
                            .consistentRead(true)))
        .filter(r -> r.hasItem() && r.item().containsKey(CartItems.UPDATED_AT))
        .map(r -> Instant.parse(r.item().get(CartItems.UPDATED_AT).s()));
  }

  private Mono<Cart> reopen(Cart cart, Instant lockedAt) {
    Instant now = Instant.now();
    String update =
        "SET #status = :open, #version = #version + :one, #expiresAt = :expiresAt,"
            + " #updatedAt = :now REMOVE #checkoutId";
    String condition = "#status = :checkedOut AND #checkoutId = :checkoutId";
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":open", s(CartStatus.OPEN.name()));
    values.put(":checkedOut", s(CartStatus.CHECKED_OUT.name()));
    values.put(":checkoutId", s(cart.checkoutId()));
    values.put(":one", AttributeValue.fromN("1"));
    values.put(":expiresAt", carts.expiresAt(now));
    values.put(":now", s(now.toString()));
    return Mono.fromFuture(
            () ->
                dynamo.updateItem(
                    b ->
                        b.tableName(table.name())
                            .key(CartItems.key(cart.customerId()))
                            .updateExpression(update)
                            .conditionExpression(condition)
                            .expressionAttributeNames(CartItems.names(Map.of(), update, condition))
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_NEW)))
        .map(r -> CartItems.toCart(r.attributes(), currency))
        .doOnNext(
            reopened -> {
              expired.increment();
              log.warn(
                  "checkout {} of cart {} (customer {}) heard nothing back since {}: cart reopened",
                  cart.checkoutId(),
                  cart.cartId(),
                  cart.customerId(),
                  lockedAt);
            })
        // Settled or reopened meanwhile: read it as it is now.
        .onErrorResume(ConditionalCheckFailedException.class, e -> carts.find(cart.customerId()));
  }
}
