package io.emporium.bench;

import io.emporium.bench.report.Figure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * After the cart phases: what one checkout's TransactWriteItems costs the emulator with the cart
 * phases' carts in the table and with none, then those carts deleted. moto 5.2.1 deep-copies every
 * table a transaction touches before it writes (to put it back on a cancellation: ADR 22), so its
 * cost grows with the table, which DynamoDB's does not; the saga phases that follow would otherwise
 * measure moto copying a thousand carts per checkout. The captured checkouts are replayed one at a
 * time straight to moto; their conditions fail (the carts are checked out), so nothing changes.
 */
final class TransactionCost {

  /** Each replay's length (after a second of warm-up). */
  static final Duration REPLAY = Duration.ofSeconds(2);

  private TransactionCost() {}

  static void run(Run run) {
    if (run.cartsTable == null || run.checkoutTransactions.isEmpty()) {
      run.add(
          Figure.notMeasured(
              5,
              "moto CPU per checkout transaction, by carts in the table",
              "",
              "no checkout transaction was captured (the capacity phase did not run)"));
      return;
    }
    try (DynamoDbClient dynamo = direct(run)) {
      List<Map<String, AttributeValue>> all = keys(dynamo, run.cartsTable);
      java.util.Set<String> shoppers = new java.util.HashSet<>(run.seededCustomers);
      run.cartShoppers.forEach(shopper -> shoppers.add(shopper.customerId()));
      List<Map<String, AttributeValue>> seeded =
          all.stream().filter(key -> ofAny(key, shoppers)).toList();
      run.say.accept(
          "a checkout's transaction replayed with %d items in the carts table, then without the %d carts of the cart phases"
              .formatted(all.size(), seeded.size()));
      var rounds = Captured.rounds(run.checkoutTransactions);
      Replay.Ceiling full = Replay.run(run, "checkout transaction, full table", rounds, 1, REPLAY);
      delete(dynamo, run.cartsTable, seeded);
      Replay.Ceiling empty =
          Replay.run(run, "checkout transaction, emptied table", rounds, 1, REPLAY);
      run.add(
          Figure.info(
              5,
              "moto CPU per checkout transaction (TransactWriteItems), by items in the carts table",
              "%.1f ms with %,d items → %.1f ms with %d"
                  .formatted(
                      full.motoCpuMillisPerRequest(),
                      all.size(),
                      empty.motoCpuMillisPerRequest(),
                      keys(dynamo, run.cartsTable).size()),
              ("moto copies every table a transaction touches before it writes (ADR 22), so the"
                      + " cost grows with the table (DynamoDB's does not); the %,d carts of the cart"
                      + " phases were then deleted: the phases below run without them")
                  .formatted(seeded.size())));
    }
  }

  private static DynamoDbClient direct(Run run) {
    return DynamoDbClient.builder()
        .endpointOverride(run.moto)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .build();
  }

  /** True when a key names one of {@code customers} (the carts table's keys hold the customer). */
  static boolean ofAny(Map<String, AttributeValue> key, java.util.Set<String> customers) {
    return key.values().stream()
        .map(AttributeValue::s)
        .filter(java.util.Objects::nonNull)
        .anyMatch(value -> customers.stream().anyMatch(value::contains));
  }

  /** Every item's key. */
  private static List<Map<String, AttributeValue>> keys(DynamoDbClient dynamo, String table) {
    List<String> names =
        dynamo.describeTable(b -> b.tableName(table)).table().keySchema().stream()
            .map(KeySchemaElement::attributeName)
            .toList();
    Map<String, String> aliases = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      aliases.put("#k" + i, names.get(i));
    }
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    Map<String, AttributeValue> from = null;
    do {
      Map<String, AttributeValue> start = from;
      ScanResponse page =
          dynamo.scan(
              b ->
                  b.tableName(table)
                      .projectionExpression(String.join(", ", aliases.keySet()))
                      .expressionAttributeNames(aliases)
                      .exclusiveStartKey(start));
      keys.addAll(page.items());
      from = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (from != null && !from.isEmpty());
    return keys;
  }

  private static void delete(
      DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
    for (int i = 0; i < keys.size(); i += 25) {
      List<WriteRequest> batch =
          keys.subList(i, Math.min(keys.size(), i + 25)).stream()
              .map(
                  k ->
                      WriteRequest.builder()
                          .deleteRequest(DeleteRequest.builder().key(k).build())
                          .build())
              .toList();
      Map<String, List<WriteRequest>> left = Map.of(table, batch);
      while (!left.isEmpty()) {
        Map<String, List<WriteRequest>> request = left;
        left = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      }
    }
  }
}
