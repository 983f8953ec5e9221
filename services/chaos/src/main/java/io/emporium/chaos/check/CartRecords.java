package io.emporium.chaos.check;

import io.emporium.events.dataschema.DataSchema;
import io.emporium.local.AwsClients;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * What the cart service recorded on DynamoDB, read on the emulator itself (past the proxy): a
 * customer's cart, a checkout's record, and the cart's outbox (published items are deleted, so what
 * is left has not been published yet, or is a dead letter).
 */
public final class CartRecords implements AutoCloseable {

  private static final DataSchema SCHEMA = DataSchema.load();

  private final DynamoDbClient dynamo;
  private final String carts = SCHEMA.tableName(Queues.ENV, "carts");
  private final String outbox = SCHEMA.tableName(Queues.ENV, "cart-outbox");

  public CartRecords(URI emulator) {
    this.dynamo = AwsClients.emulator(emulator).dynamoDb();
  }

  /** One outbox item: its event id, failed attempts, next attempt and last error. */
  public record OutboxEntry(String eventId, int attempts, Instant nextAttempt, String lastError) {

    @Override
    public String toString() {
      return eventId
          + " (attempts "
          + attempts
          + ", next "
          + (nextAttempt.toEpochMilli() == Long.MAX_VALUE ? "never: dead letter" : nextAttempt)
          + (lastError == null ? "" : ", last error " + lastError)
          + ")";
    }
  }

  /** The customer's cart: its status and the checkout it is locked for, or "no cart". */
  public String cart(String customerId) {
    var item = get(carts, Map.of("pk", AttributeValue.fromS("CUSTOMER#" + customerId)));
    if (item.isEmpty()) {
      return "no cart";
    }
    return text(item, "status") + " (checkout " + text(item, "checkoutId") + ")";
  }

  /** The checkout's record: the order id it minted, or "no record". */
  public String checkoutRecord(String checkoutId) {
    var item = get(carts, Map.of("pk", AttributeValue.fromS("CHECKOUT#" + checkoutId)));
    return item.isEmpty()
        ? "no record"
        : "record " + text(item, "status") + " (order " + text(item, "orderId") + ")";
  }

  /** The outbox items whose event mentions {@code text} (a checkout id). */
  public List<OutboxEntry> outboxItemsMentioning(String text) {
    List<OutboxEntry> found = new ArrayList<>();
    dynamo
        .scanPaginator(
            b ->
                b.tableName(outbox)
                    .filterExpression("contains(#payload, :text)")
                    .expressionAttributeNames(Map.of("#payload", "payload"))
                    .expressionAttributeValues(Map.of(":text", AttributeValue.fromS(text))))
        .items()
        .forEach(
            item ->
                found.add(
                    new OutboxEntry(
                        text(item, "sk"),
                        Integer.parseInt(item.get("attempts").n()),
                        Instant.ofEpochMilli(Long.parseLong(item.get("nextAttemptAt").n())),
                        text(item, "lastError"))));
    return found;
  }

  /** Items in the cart's outbox: not yet published, or dead letters. */
  public int outboxBacklog() {
    int count = 0;
    for (var page : dynamo.scanPaginator(b -> b.tableName(outbox).select(Select.COUNT))) {
      count += page.count();
    }
    return count;
  }

  private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    return dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  @Override
  public void close() {
    dynamo.close();
  }
}
