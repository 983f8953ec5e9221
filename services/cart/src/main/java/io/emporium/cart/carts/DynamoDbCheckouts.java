package io.emporium.cart.carts;

import static io.emporium.cart.carts.CartItems.n;
import static io.emporium.cart.carts.CartItems.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The writes of a checkout and of its outcome: locking the cart (CHECKED_OUT), the checkout record
 * {@code CHECKOUT#<checkoutId>} (with the order id minted for it) that answers a replayed
 * Idempotency-Key, the re-priced snapshot, and clearing or reopening the cart when the order
 * settles. Transaction items are returned for the caller's one TransactWriteItems (with the outbox
 * item or the processed-event marker).
 */
@Component
class DynamoDbCheckouts {

  private static final String BUMP =
      "#version = #version + :one, #expiresAt = :expiresAt, #updatedAt = :now";

  private final DynamoDbAsyncClient dynamo;
  private final CartsTable table;
  private final DynamoDbCartStore carts;

  DynamoDbCheckouts(DynamoDbAsyncClient dynamo, CartsTable table, DynamoDbCartStore carts) {
    this.dynamo = dynamo;
    this.table = table;
    this.carts = carts;
  }

  /** OPEN → CHECKED_OUT, only if the cart is still the one that was priced. */
  TransactWriteItem lock(Cart cart, String checkoutId) {
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
  TransactWriteItem record(String customerId, Checkout checkout) {
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

  Mono<Void> transact(List<TransactWriteItem> items) {
    return Mono.fromFuture(() -> dynamo.transactWriteItems(b -> b.transactItems(items))).then();
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

  /** The order was confirmed: a new, empty, OPEN generation of the cart. */
  TransactWriteItem clear(String customerId, String cartId) {
    Map<String, AttributeValue> values = settleValues(cartId);
    values.put(":newCartId", s(UUID.randomUUID().toString()));
    values.put(":empty", AttributeValue.fromM(Map.of()));
    return update(
        customerId,
        "SET #cartId = :newCartId, #status = :open, #lines = :empty, #products = :empty, "
            + BUMP
            + " REMOVE #checkoutId",
        "#cartId = :cartId AND #status = :checkedOut",
        Map.of(),
        values);
  }

  /** The order was cancelled: the same lines, OPEN again, without the used checkout id. */
  TransactWriteItem reopen(String customerId, String cartId) {
    return update(
        customerId,
        "SET #status = :open, " + BUMP + " REMOVE #checkoutId",
        "#cartId = :cartId AND #status = :checkedOut",
        Map.of(),
        settleValues(cartId));
  }

  private Map<String, AttributeValue> settleValues(String cartId) {
    Map<String, AttributeValue> values = bumpValues();
    values.put(":cartId", s(cartId));
    values.put(":open", s(CartStatus.OPEN.name()));
    values.put(":checkedOut", s(CartStatus.CHECKED_OUT.name()));
    return values;
  }

  private TransactWriteItem update(
      String customerId,
      String update,
      String condition,
      Map<String, String> extraNames,
      Map<String, AttributeValue> values) {
    Update u =
        Update.builder()
            .tableName(table.name())
            .key(CartItems.key(customerId))
            .updateExpression(update)
            .conditionExpression(condition)
            .expressionAttributeNames(CartItems.names(extraNames, update, condition))
            .expressionAttributeValues(values)
            .build();
    return TransactWriteItem.builder().update(u).build();
  }

  private Map<String, AttributeValue> bumpValues() {
    Instant now = Instant.now();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":one", n(1));
    values.put(":expiresAt", carts.expiresAt(now));
    values.put(":now", s(now.toString()));
    return values;
  }

  private static CartLine line(Cart cart, String sku) {
    return cart.lines().stream().filter(l -> l.sku().equals(sku)).findFirst().orElseThrow();
  }
}
