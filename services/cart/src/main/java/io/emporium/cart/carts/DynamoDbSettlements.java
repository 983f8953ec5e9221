package io.emporium.cart.carts;

import static io.emporium.cart.carts.CartItems.s;

import io.emporium.platform.messaging.dynamodb.DynamoDbTransactions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a settled order does to the cart in DynamoDB: clear it (confirmed) or reopen it (cancelled),
 * only while it is still that cart and CHECKED_OUT. Written through {@link DynamoDbTransactions},
 * so the handled event's processed marker commits in the same request.
 */
@Component
class DynamoDbSettlements {

  private static final String BUMP = CartExpressions.BUMP;

  private final DynamoDbTransactions transactions;
  private final CartsTable table;
  private final DynamoDbCartStore carts;

  DynamoDbSettlements(
      DynamoDbTransactions transactions, CartsTable table, DynamoDbCartStore carts) {
    this.transactions = transactions;
    this.table = table;
    this.carts = carts;
  }

  /** Writes {@code change}; false when the event being handled had been processed already. */
  Mono<Boolean> write(TransactWriteItem change) {
    return transactions.write(List.of(change));
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
    Map<String, AttributeValue> values = carts.bumpValues(Instant.now());
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
    return CartItems.update(table.name(), customerId, update, condition, extraNames, values);
  }
}
