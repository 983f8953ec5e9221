package io.emporium.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.dataschema.DataSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The emulator keeps DynamoDB's promise the transactional outbox relies on: a TransactWriteItems
 * that answered 200 stays written. moto 5.2.1 as shipped rolls a cancelled transaction back by
 * restoring whole tables from a copy taken when it began, undoing every write other clients
 * committed meanwhile: under the fault suite's load a checkout answered 202 and then vanished, its
 * cart lock, checkout record and outbox item with it (seed 15). {@link MotoServer} serializes
 * moto's DynamoDB calls.
 */
class MotoTransactionsIntegrationTests {

  private static final int WRITERS = 4;
  private static final int CHECKOUTS_EACH = 100;
  private static final AttributeValue TAKEN = AttributeValue.fromS("CHECKOUT#taken");

  private final DataSchema schema = DataSchema.load();

  @Test
  void aCancelledTransactionUndoesNoWriteOtherClientsCommitted() throws Exception {
    AwsClients aws = TestEmulator.provisioned();
    String carts = schema.tableName(TestEmulator.ENV, "carts");
    String outbox = schema.tableName(TestEmulator.ENV, "cart-outbox");
    ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
    try (DynamoDbClient dynamo = aws.dynamoDb();
        ExecutorService threads = Executors.newFixedThreadPool(2 * WRITERS)) {
      dynamo.putItem(b -> b.tableName(carts).item(Map.of("pk", TAKEN)));
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        running.add(threads.submit(() -> checkouts(dynamo, carts, outbox, committed)));
        running.add(threads.submit(() -> replays(dynamo, carts, outbox)));
      }
      for (Future<?> done : running) {
        done.get();
      }

      Set<String> cartsFound = keys(dynamo, carts, "pk");
      Set<String> outboxFound = keys(dynamo, outbox, "sk");
      assertThat(committed).hasSizeGreaterThan(WRITERS * CHECKOUTS_EACH / 2);
      List<String> lost =
          committed.stream()
              .filter(id -> !cartsFound.contains("CHECKOUT#" + id) || !outboxFound.contains(id))
              .toList();
      assertThat(lost).as("committed checkouts whose record or outbox item is gone").isEmpty();
    }
  }

  /** Checkouts that commit: the checkout record and its outbox item in one transaction. */
  private static void checkouts(
      DynamoDbClient dynamo, String carts, String outbox, ConcurrentLinkedQueue<String> done) {
    for (int i = 0; i < CHECKOUTS_EACH; i++) {
      String id = UUID.randomUUID().toString();
      try {
        dynamo.transactWriteItems(
            b ->
                b.transactItems(
                    put(carts, Map.of("pk", AttributeValue.fromS("CHECKOUT#" + id))),
                    put(outbox, outboxItem(id))));
        done.add(id);
      } catch (SdkException e) {
        // not committed (moto failed the call): nothing to check
      }
    }
  }

  /** Replayed checkouts: their record exists, so the transaction is cancelled. */
  private static void replays(DynamoDbClient dynamo, String carts, String outbox) {
    for (int i = 0; i < CHECKOUTS_EACH; i++) {
      try {
        dynamo.transactWriteItems(
            b ->
                b.transactItems(
                    put(carts, Map.of("pk", TAKEN)),
                    put(outbox, outboxItem(UUID.randomUUID().toString()))));
      } catch (TransactionCanceledException expected) {
        // the condition failed, as it must
      } catch (SdkException e) {
        // moto failed the call
      }
    }
  }

  private static Map<String, AttributeValue> outboxItem(String id) {
    return Map.of("pk", AttributeValue.fromS("OUTBOX#0"), "sk", AttributeValue.fromS(id));
  }

  private static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"))
        .build();
  }

  private static Set<String> keys(DynamoDbClient dynamo, String table, String attribute) {
    Set<String> keys = new HashSet<>();
    dynamo
        .scanPaginator(b -> b.tableName(table))
        .items()
        .forEach(item -> keys.add(item.get(attribute).s()));
    return keys;
  }
}
