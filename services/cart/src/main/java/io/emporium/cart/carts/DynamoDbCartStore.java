package io.emporium.cart.carts;

import static io.emporium.cart.carts.CartItems.n;
import static io.emporium.cart.carts.CartItems.s;

import io.emporium.cart.catalog.Product;
import io.emporium.cart.config.CartProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Carts in DynamoDB, read and written by key only. Every change is ONE conditional UpdateItem that
 * bumps {@code version} and the TTL and returns the new cart; when its condition fails, the item as
 * it was (returned with the failure, no extra read) tells why. Only the first line of a customer's
 * first cart costs a second request (the PutItem that creates the item).
 */
@Component
class DynamoDbCartStore {

  static final int MAX_QUANTITY = 99;
  static final int MAX_LINES = 50;
  private static final String BUMP =
      "#version = #version + :one, #expiresAt = :expiresAt, #updatedAt = :now";
  private static final String OPEN = "#status = :open";

  private final DynamoDbAsyncClient dynamo;
  private final CartsTable table;
  private final CartProperties properties;
  private final Clock clock;

  DynamoDbCartStore(
      DynamoDbAsyncClient dynamo,
      CartsTable table,
      CartProperties properties,
      ObjectProvider<CartsTable.Provisioned> provisioned) {
    provisioned.ifAvailable(p -> {}); // the local table exists before the first request
    this.dynamo = dynamo;
    this.table = table;
    this.properties = properties;
    this.clock = Clock.systemUTC();
  }

  /** The customer's cart; empty when they never had one. One GetItem. */
  Mono<Cart> find(String customerId) {
    return Mono.fromFuture(
            () ->
                dynamo.getItem(
                    b ->
                        b.tableName(table.name())
                            .key(CartItems.key(customerId))
                            .consistentRead(true)))
        .filter(r -> r.hasItem() && !r.item().isEmpty())
        .map(r -> CartItems.toCart(r.item(), properties.currency()));
  }

  /**
   * Adds {@code quantity} of {@code product} (creating the line or the cart) at its price now, if
   * the line then holds at most what the catalog can sell ({@link Product#available()}) and {@value
   * #MAX_QUANTITY}.
   */
  Mono<Cart> addItem(
      String customerId, String sku, int quantity, Product product, Long expectedVersion) {
    if (quantity > product.available()) {
      return Mono.error(CartConflicts.insufficientStock(sku, quantity, product.available()));
    }
    return addItem(customerId, sku, quantity, product, expectedVersion, true);
  }

  private Mono<Cart> addItem(
      String customerId,
      String sku,
      int quantity,
      Product product,
      Long expectedVersion,
      boolean mayCreate) {
    String update =
        "SET #lines.#sku = if_not_exists(#lines.#sku, :zero) + :quantity,"
            + " #products.#sku = :product, "
            + BUMP;
    String condition =
        "attribute_exists(#pk) AND "
            + OPEN
            + " AND (attribute_not_exists(#lines.#sku) OR #lines.#sku <= :room)"
            + " AND (attribute_exists(#lines.#sku) OR size(#lines) < :maxLines)";
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":zero", n(0));
    values.put(":quantity", n(quantity));
    values.put(":product", CartItems.snapshot(product));
    values.put(":room", n(Math.min(MAX_QUANTITY, product.available()) - quantity));
    values.put(":maxLines", n(MAX_LINES));
    return update(
        customerId,
        sku,
        update,
        condition,
        values,
        expectedVersion,
        current ->
            current.isPresent() || !mayCreate
                ? Mono.error(
                    CartConflicts.onAdd(
                        current, sku, quantity, product.available(), expectedVersion))
                : create(customerId, sku, quantity, product, expectedVersion));
  }

  private Mono<Cart> create(
      String customerId, String sku, int quantity, Product product, Long expectedVersion) {
    if (expectedVersion != null && expectedVersion != 0) {
      return Mono.error(CartConflicts.stale(0));
    }
    Instant now = clock.instant();
    Map<String, AttributeValue> item =
        CartItems.newCart(customerId, UUID.randomUUID().toString(), sku, quantity, product, now);
    item.put(CartsTable.EXPIRES_AT, expiresAt(now));
    return Mono.fromFuture(
            () ->
                dynamo.putItem(
                    b ->
                        b.tableName(table.name())
                            .item(item)
                            .conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", CartsTable.PK))))
        .map(r -> CartItems.toCart(item, properties.currency()))
        .onErrorResume(
            ConditionalCheckFailedException.class, // created meanwhile: add to that cart
            e -> addItem(customerId, sku, quantity, product, expectedVersion, false));
  }

  /**
   * Sets the quantity of a line that is in the cart. Above what the catalog can sell ({@code
   * available}) only a decrease is taken: a shopper can always lower a line.
   */
  Mono<Cart> setQuantity(
      String customerId, String sku, int quantity, int available, Long expectedVersion) {
    String condition = "attribute_exists(#lines.#sku) AND " + OPEN;
    if (quantity > available) {
      condition += " AND #lines.#sku >= :quantity";
    }
    return update(
        customerId,
        sku,
        "SET #lines.#sku = :quantity, " + BUMP,
        condition,
        new HashMap<>(Map.of(":quantity", n(quantity))),
        expectedVersion,
        current ->
            Mono.error(
                CartConflicts.onLineChange(current, sku, quantity, available, expectedVersion)));
  }

  /** Removes a line that is in the cart. */
  Mono<Cart> removeItem(String customerId, String sku, Long expectedVersion) {
    return update(
        customerId,
        sku,
        "REMOVE #lines.#sku, #products.#sku SET " + BUMP,
        "attribute_exists(#lines.#sku) AND " + OPEN,
        new HashMap<>(),
        expectedVersion,
        current -> Mono.error(CartConflicts.onLineChange(current, sku, 0, 0, expectedVersion)));
  }

  private Mono<Cart> update(
      String customerId,
      String sku,
      String update,
      String condition,
      Map<String, AttributeValue> values,
      Long expectedVersion,
      Function<Optional<Cart>, Mono<Cart>> onConditionFailed) {
    String guarded =
        expectedVersion == null ? condition : condition + " AND #version = :expectedVersion";
    if (expectedVersion != null) {
      values.put(":expectedVersion", n(expectedVersion));
    }
    Instant now = clock.instant();
    values.put(":one", n(1));
    values.put(":expiresAt", expiresAt(now));
    values.put(":now", s(now.toString()));
    if (guarded.contains(":open")) {
      values.put(":open", s(CartStatus.OPEN.name()));
    }
    return Mono.fromFuture(
            () ->
                dynamo.updateItem(
                    b ->
                        b.tableName(table.name())
                            .key(CartItems.key(customerId))
                            .updateExpression(update)
                            .conditionExpression(guarded)
                            .expressionAttributeNames(CartItems.names(sku, update, guarded))
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_NEW)
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .map(r -> CartItems.toCart(r.attributes(), properties.currency()))
        .onErrorResume(
            ConditionalCheckFailedException.class, e -> onConditionFailed.apply(current(e)));
  }

  private Optional<Cart> current(ConditionalCheckFailedException failure) {
    return failure.hasItem() && !failure.item().isEmpty()
        ? Optional.of(CartItems.toCart(failure.item(), properties.currency()))
        : Optional.empty();
  }

  AttributeValue expiresAt(Instant now) {
    return n(now.plus(properties.abandonedAfter()).getEpochSecond());
  }
}
