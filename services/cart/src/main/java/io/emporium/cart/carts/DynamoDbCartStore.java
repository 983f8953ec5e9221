package io.emporium.cart.carts;

import static io.emporium.cart.carts.CartItems.n;
import static io.emporium.cart.carts.CartItems.s;

import io.emporium.cart.carts.CartChange.AddItem;
import io.emporium.cart.config.CartProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Carts in DynamoDB, read and written by key only. A change is ONE conditional UpdateItem ({@link
 * CartExpressions}) that bumps {@code version} and the TTL and returns the new cart; when its
 * condition fails, the item as it was (returned with the failure, no extra read) goes to {@link
 * CartRules}, which names the rule. Only the first line of a customer's first cart costs a second
 * request (the PutItem that creates the item).
 */
@Component
class DynamoDbCartStore {

  private final DynamoDbAsyncClient dynamo;
  private final CartsTable table;
  private final CartProperties properties;
  private final Clock clock = Clock.systemUTC();

  DynamoDbCartStore(DynamoDbAsyncClient dynamo, CartsTable table, CartProperties properties) {
    this.dynamo = dynamo;
    this.table = table;
    this.properties = properties;
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

  /** Applies {@code change} if the rules allow it; else fails with the refusal's problem. */
  Mono<Cart> apply(String customerId, CartChange change, Long expectedVersion) {
    if (CartRules.asked(change) instanceof Verdict.Refusal refusal) {
      return Mono.error(refusal.problem());
    }
    return apply(customerId, change, expectedVersion, true);
  }

  private Mono<Cart> apply(
      String customerId, CartChange change, Long expectedVersion, boolean mayCreate) {
    return update(customerId, change, expectedVersion)
        .onErrorResume(
            ConditionalCheckFailedException.class,
            e -> refused(customerId, change, expectedVersion, current(e), mayCreate));
  }

  private Mono<Cart> refused(
      String customerId,
      CartChange change,
      Long expectedVersion,
      Optional<Cart> current,
      boolean mayCreate) {
    return switch (CartRules.judge(current, change, expectedVersion)) {
      case Verdict.Refusal refusal -> Mono.error(refusal.problem());
      case Verdict verdict when current.isEmpty() && mayCreate && change instanceof AddItem add ->
          create(customerId, add, expectedVersion);
      default -> Mono.error(new Verdict.Stale(current.map(Cart::version).orElse(0L)).problem());
    };
  }

  private Mono<Cart> create(String customerId, AddItem add, Long expectedVersion) {
    Instant now = clock.instant();
    Map<String, AttributeValue> item =
        CartItems.newCart(
            customerId,
            UUID.randomUUID().toString(),
            add.sku(),
            add.quantity(),
            add.product(),
            now);
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
            e -> apply(customerId, add, expectedVersion, false));
  }

  private Mono<Cart> update(String customerId, CartChange change, Long expectedVersion) {
    CartExpressions write = CartExpressions.of(change, expectedVersion);
    Map<String, AttributeValue> values = write.values();
    values.putAll(bumpValues(clock.instant()));
    return Mono.fromFuture(
            () ->
                dynamo.updateItem(
                    b ->
                        b.tableName(table.name())
                            .key(CartItems.key(customerId))
                            .updateExpression(write.update())
                            .conditionExpression(write.condition())
                            .expressionAttributeNames(
                                CartItems.names(change.sku(), write.update(), write.condition()))
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_NEW)
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .map(r -> CartItems.toCart(r.attributes(), properties.currency()));
  }

  private Optional<Cart> current(ConditionalCheckFailedException failure) {
    return failure.hasItem() && !failure.item().isEmpty()
        ? Optional.of(CartItems.toCart(failure.item(), properties.currency()))
        : Optional.empty();
  }

  /** The values of {@link CartExpressions#BUMP}: a change bumps the version and the TTL. */
  Map<String, AttributeValue> bumpValues(Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":one", n(1));
    values.put(":expiresAt", expiresAt(now));
    values.put(":now", s(now.toString()));
    return values;
  }

  AttributeValue expiresAt(Instant now) {
    return n(now.plus(properties.abandonedAfter()).getEpochSecond());
  }
}
