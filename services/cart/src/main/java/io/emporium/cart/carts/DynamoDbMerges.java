package io.emporium.cart.carts;

import static io.emporium.cart.carts.CartItems.n;
import static io.emporium.cart.carts.CartItems.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The writes of a guest-cart merge: ONE TransactWriteItems that writes the merged lines (guarded by
 * the cart's version, or its absence) and the marker {@code MERGE#<customerId>#<guestCartId>}
 * (guarded by its absence), so a guest cart is merged once, whole, however often it is sent. The
 * marker keeps what was skipped, to answer a repeat the same way.
 */
@Component
class DynamoDbMerges {

  /** Index of the marker in the transaction: its condition failing means "merged before". */
  static final int MARKER = 1;

  private static final String SKIPPED = "skipped";

  private final DynamoDbAsyncClient dynamo;
  private final CartsTable table;
  private final DynamoDbCartStore carts;

  DynamoDbMerges(DynamoDbAsyncClient dynamo, CartsTable table, DynamoDbCartStore carts) {
    this.dynamo = dynamo;
    this.table = table;
    this.carts = carts;
  }

  /** What the merge of {@code guestCartId} skipped, if it happened. */
  Mono<List<Merge.Skipped>> find(String customerId, String guestCartId) {
    return Mono.fromFuture(
            () ->
                dynamo.getItem(
                    b ->
                        b.tableName(table.name())
                            .key(Map.of(CartsTable.PK, s(markerKey(customerId, guestCartId))))
                            .consistentRead(true)))
        .filter(r -> r.hasItem() && !r.item().isEmpty())
        .map(r -> r.item().get(SKIPPED).l().stream().map(DynamoDbMerges::skipped).toList());
  }

  Mono<Void> write(String customerId, Optional<Cart> cart, MergePlan plan, String guestCartId) {
    Instant now = Instant.now();
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(
        cart.isPresent()
            ? TransactWriteItem.builder().update(update(cart.get(), plan, now)).build()
            : TransactWriteItem.builder().put(create(customerId, plan, now)).build());
    items.add(TransactWriteItem.builder().put(marker(customerId, guestCartId, plan, now)).build());
    return Mono.fromFuture(() -> dynamo.transactWriteItems(b -> b.transactItems(items))).then();
  }

  private Update update(Cart cart, MergePlan plan, Instant now) {
    String update =
        "SET #lines = :lines, #products = :products, #version = #version + :one,"
            + " #expiresAt = :expiresAt, #updatedAt = :now";
    String condition = "#status = :open AND #version = :expectedVersion";
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":lines", lines(plan));
    values.put(":products", products(plan));
    values.put(":one", n(1));
    values.put(":expiresAt", carts.expiresAt(now));
    values.put(":now", s(now.toString()));
    values.put(":open", s(CartStatus.OPEN.name()));
    values.put(":expectedVersion", n(cart.version()));
    return Update.builder()
        .tableName(table.name())
        .key(CartItems.key(cart.customerId()))
        .updateExpression(update)
        .conditionExpression(condition)
        .expressionAttributeNames(CartItems.names(Map.of(), update, condition))
        .expressionAttributeValues(values)
        .build();
  }

  private Put create(String customerId, MergePlan plan, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(CartItems.key(customerId));
    item.put(CartItems.CUSTOMER_ID, s(customerId));
    item.put(CartItems.CART_ID, s(UUID.randomUUID().toString()));
    item.put(CartItems.STATUS, s(CartStatus.OPEN.name()));
    item.put(CartItems.VERSION, n(1));
    item.put(CartItems.LINES, lines(plan));
    item.put(CartItems.PRODUCTS, products(plan));
    item.put(CartItems.UPDATED_AT, s(now.toString()));
    item.put(CartsTable.EXPIRES_AT, carts.expiresAt(now));
    return absent(item);
  }

  private Put marker(String customerId, String guestCartId, MergePlan plan, Instant now) {
    List<AttributeValue> skipped =
        plan.skipped().stream()
            .map(k -> AttributeValue.fromM(Map.of("sku", s(k.sku()), "reason", s(k.reason()))))
            .toList();
    return absent(
        Map.of(
            CartsTable.PK,
            s(markerKey(customerId, guestCartId)),
            CartItems.CUSTOMER_ID,
            s(customerId),
            SKIPPED,
            AttributeValue.fromL(skipped),
            CartItems.UPDATED_AT,
            s(now.toString()),
            CartsTable.EXPIRES_AT,
            carts.expiresAt(now)));
  }

  private Put absent(Map<String, AttributeValue> item) {
    return Put.builder()
        .tableName(table.name())
        .item(item)
        .conditionExpression("attribute_not_exists(#pk)")
        .expressionAttributeNames(Map.of("#pk", CartsTable.PK))
        .build();
  }

  private static AttributeValue lines(MergePlan plan) {
    Map<String, AttributeValue> lines = new HashMap<>();
    plan.quantities().forEach((sku, quantity) -> lines.put(sku, n(quantity)));
    return AttributeValue.fromM(lines);
  }

  private static AttributeValue products(MergePlan plan) {
    Map<String, AttributeValue> products = new HashMap<>();
    plan.snapshots()
        .forEach(
            (sku, p) -> products.put(sku, CartItems.snapshot(p.name(), p.price(), p.imageUrl())));
    return AttributeValue.fromM(products);
  }

  private static Merge.Skipped skipped(AttributeValue value) {
    return new Merge.Skipped(value.m().get("sku").s(), value.m().get("reason").s());
  }

  private static String markerKey(String customerId, String guestCartId) {
    return "MERGE#" + customerId + "#" + guestCartId;
  }
}
