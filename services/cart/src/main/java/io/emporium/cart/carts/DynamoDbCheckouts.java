package io.emporium.cart.carts;

import static io.emporium.cart.carts.CartItems.n;
import static io.emporium.cart.carts.CartItems.s;

import io.emporium.platform.messaging.dynamodb.DynamoDbTransactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The writes of a checkout: locking the cart (CHECKED_OUT), the checkout record {@code
 * CHECKOUT#<checkoutId>} (with the order id minted for it) that answers a replayed Idempotency-Key,
 * both with the outbox item in one TransactWriteItems, and the re-priced snapshot. {@link
 * DynamoDbSettlements} writes what the order's outcome does to the cart.
 */
@Component
class DynamoDbCheckouts {

  private static final String BUMP = CartExpressions.BUMP;

  private final DynamoDbAsyncClient dynamo;
  private final DynamoDbTransactions transactions;
  private final CartsTable table;
  private final DynamoDbCartStore carts;

  DynamoDbCheckouts(
      DynamoDbAsyncClient dynamo,
      DynamoDbTransactions transactions,
      CartsTable table,
      DynamoDbCartStore carts) {
    this.dynamo = dynamo;
    this.transactions = transactions;
    this.table = table;
    this.carts = carts;
  }

  /** What became of a checkout's one TransactWriteItems. */
  enum Placement {
    PLACED,
    /** The Idempotency-Key was used before: its checkout record exists. */
    KEY_USED,
    /** The cart is no longer the one that was priced. */
    CART_CHANGED
  }

  /**
   * Locks the cart, records the checkout and appends {@code event} (the outbox item) in one
   * TransactWriteItems, and tells which condition failed if one did.
   */
  Mono<Placement> place(Cart cart, Checkout checkout, TransactWriteItem event) {
    TransactWriteItem record = record(cart.customerId(), checkout);
    List<TransactWriteItem> items = List.of(lock(cart, checkout.checkoutId()), record, event);
    return transactions
        .write(items)
        .thenReturn(Placement.PLACED)
        .onErrorResume(
            TransactionCanceledException.class,
            e ->
                Mono.just(
                    conditionFailed(e, items.indexOf(record))
                        ? Placement.KEY_USED
                        : Placement.CART_CHANGED));
  }

  private static boolean conditionFailed(TransactionCanceledException e, int index) {
    return e.hasCancellationReasons()
        && e.cancellationReasons().size() > index
        && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
  }

  /** OPEN → CHECKED_OUT, only if the cart is still the one that was priced. */
  private TransactWriteItem lock(Cart cart, String checkoutId) {
    Map<String, AttributeValue> values = bumpValues();
    values.put(":checkedOut", s(CartStatus.CHECKED_OUT.name()));
    values.put(":checkoutId", s(checkoutId));
    values.put(":open", s(CartStatus.OPEN.name()));
    values.put(":expectedVersion", n(cart.version()));
    values.put(":cartId", s(cart.cartId()));
    return update(
        cart.customerId(),
        "SET #status = :checkedOut, #checkoutId = :checkoutId, " + BUMP,
        "#status = :open AND #version = :expectedVersion AND #cartId = :cartId",
        Map.of(),
        values);
  }

  /** The record of a checkout; fails its condition when the key was used before. */
  private TransactWriteItem record(String customerId, Checkout checkout) {
    Instant now = Instant.now();
    Map<String, AttributeValue> item =
        Map.of(
            CartsTable.PK, s("CHECKOUT#" + checkout.checkoutId()),
            CartItems.CUSTOMER_ID, s(customerId),
            CartItems.CHECKOUT_ID, s(checkout.checkoutId()),
            CartItems.CART_ID, s(checkout.cartId()),
            CartItems.ORDER_ID, s(checkout.orderId()),
            CartItems.STATUS, s(checkout.status().name()),
            CartItems.UPDATED_AT, s(now.toString()),
            CartsTable.EXPIRES_AT, carts.expiresAt(now));
    return TransactWriteItem.builder()
        .put(
            p ->
                p.tableName(table.name())
                    .item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", CartsTable.PK)))
        .build();
  }

  /** What the checkout {@code checkoutId} answered, if it happened. */
  Mono<Checkout> find(String checkoutId) {
    return Mono.fromFuture(
            () ->
                dynamo.getItem(
                    b ->
                        b.tableName(table.name())
                            .key(Map.of(CartsTable.PK, s("CHECKOUT#" + checkoutId)))
                            .consistentRead(true)))
        .filter(r -> r.hasItem() && !r.item().isEmpty())
        .map(
            r ->
                new Checkout(
                    r.item().get(CartItems.CHECKOUT_ID).s(),
                    r.item().get(CartItems.CART_ID).s(),
                    r.item().containsKey(CartItems.ORDER_ID)
                        ? r.item().get(CartItems.ORDER_ID).s()
                        : null,
                    CartStatus.valueOf(r.item().get(CartItems.STATUS).s())));
  }

  /** Writes the catalog's current prices into the snapshot and drops vanished lines. */
  Mono<Cart> reprice(Cart cart, List<PriceChange> changes) {
    Map<String, String> skus = new HashMap<>();
    Map<String, AttributeValue> values = bumpValues();
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      PriceChange change = changes.get(i);
      String sku = "#s" + i;
      skus.put(sku, change.sku());
      if (change.change() == PriceChange.Kind.REMOVED) {
        removes.add("#lines." + sku);
        removes.add("#products." + sku);
      } else {
        CartLine line = line(cart, change.sku());
        values.put(
            ":p" + i, CartItems.snapshot(line.name(), change.currentPrice(), line.imageUrl()));
        sets.add("#products." + sku + " = :p" + i);
      }
    }
    sets.add(BUMP);
    String update =
        "SET "
            + String.join(", ", sets)
            + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    String condition = "#status = :open AND #version = :expectedVersion";
    values.put(":open", s(CartStatus.OPEN.name()));
    values.put(":expectedVersion", n(cart.version()));
    return Mono.fromFuture(
            () ->
                dynamo.updateItem(
                    b ->
                        b.tableName(table.name())
                            .key(CartItems.key(cart.customerId()))
                            .updateExpression(update)
                            .conditionExpression(condition)
                            .expressionAttributeNames(CartItems.names(skus, update, condition))
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_NEW)))
        .map(r -> CartItems.toCart(r.attributes(), cart.total().currency()));
  }

  private TransactWriteItem update(
      String customerId,
      String update,
      String condition,
      Map<String, String> extraNames,
      Map<String, AttributeValue> values) {
    return CartItems.update(table.name(), customerId, update, condition, extraNames, values);
  }

  private Map<String, AttributeValue> bumpValues() {
    return carts.bumpValues(Instant.now());
  }

  private static CartLine line(Cart cart, String sku) {
    return cart.lines().stream().filter(l -> l.sku().equals(sku)).findFirst().orElseThrow();
  }
}
