package io.emporium.platform.messaging.dynamodb;

import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.EventFixtures;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.dataschema.DataSchema;
import io.emporium.events.topology.Topology;
import io.emporium.local.DynamoDbTables;
import io.emporium.platform.messaging.outbox.Backoff;
import io.emporium.platform.messaging.outbox.OutboxRelay;
import io.emporium.platform.messaging.outbox.PublishRetries;
import io.emporium.platform.messaging.outbox.RelaySettings;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import io.emporium.platform.messaging.outbox.SnsBatchPublisher;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.MutableClock;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.TestEnvironment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A cart-like service on the emulator: a carts table (one item per cart, with a version), its own
 * outbox table, the cart topic and the order service's queue from cart. Fresh tables per fixture.
 */
final class CartOutboxFixture implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  static final String ORDER_FROM_CART = "emporium-test-order-from-cart";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  final MutableClock clock = new MutableClock(T0);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final EventCodec codec = new EventCodec();
  final DynamoDbAsyncClient dynamo = AwsTestClients.dynamo();
  final DynamoDbClient dynamoSync = AwsTestClients.dynamoSync();
  final SqsClient sqs = TestEnvironment.aws().clients().sqs();
  final String service = "cart" + SEQUENCE.incrementAndGet();
  final DynamoDbOutboxTable table =
      new DynamoDbOutboxTable(
          "emporium-test-" + service + "-outbox", DynamoDbOutboxTable.DEFAULT_SHARDS);
  final String carts = "emporium-test-" + service + "-carts";
  final DynamoDbOutbox outbox = new DynamoDbOutbox(table, codec, clock);
  final String cartTopicArn;
  final QueueProbe probe;

  CartOutboxFixture() {
    new DynamoDbTables(dynamoSync).create(table.name(), DataSchema.load().table("cart-outbox"));
    dynamoSync.createTable(
        b ->
            b.tableName(carts)
                .keySchema(
                    KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .billingMode("PAY_PER_REQUEST"));
    try (var sns = TestEnvironment.aws().clients().sns()) {
      String topic = Topology.load().topicName(EmulatedInfrastructure.ENV, "cart");
      cartTopicArn = sns.createTopic(b -> b.name(topic)).topicArn();
    }
    probe = new QueueProbe(sqs);
    probe.purge(ORDER_FROM_CART);
  }

  OutboxRelay relay(SnsAsyncClient sns, Mono<String> topicArn) {
    return relay(sns, topicArn, 0, Duration.ofMillis(50), new RelayWakeUp());
  }

  /** A relay of this fixture's outbox with its own poll interval, wake-up and dead-lettering. */
  OutboxRelay relay(
      SnsAsyncClient sns,
      Mono<String> topicArn,
      int deadLetterAfter,
      Duration poll,
      RelayWakeUp wakeUp) {
    var settings =
        new RelaySettings(
            true,
            50,
            poll,
            Duration.ofSeconds(1),
            new PublishRetries(
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)), deadLetterAfter),
            clock);
    return new OutboxRelay(
        store(), new SnsBatchPublisher(sns), topicArn, settings, wakeUp, registry);
  }

  DynamoDbOutboxStore store() {
    return new DynamoDbOutboxStore(dynamo, table, Duration.ofSeconds(30), clock);
  }

  /** A valid CartCheckedOut (the golden fixture's data) for {@code cartId}. */
  static CartCheckedOut checkedOut(String cartId) {
    var data = EventFixtures.envelope("cart.CartCheckedOut.v1").dataAs(CartCheckedOut.class);
    return new CartCheckedOut(
        UUID.randomUUID().toString(),
        cartId,
        data.customer(),
        data.lines(),
        data.total(),
        data.shippingAddress(),
        data.paymentMethodToken(),
        data.orderId());
  }

  /** Checks a cart out the way the cart service will: state change + outbox item, one request. */
  EventEnvelope checkout(String cartId, long expectedVersion) {
    EventEnvelope envelope = EventEnvelope.of(checkedOut(cartId));
    transact(cartCheckout(cartId, expectedVersion), outbox.append(envelope));
    return envelope;
  }

  /** The same checkout, written through the platform's transactions (which wake the relay). */
  EventEnvelope checkoutThrough(
      DynamoDbTransactions transactions, String cartId, long expectedVersion) {
    EventEnvelope envelope = EventEnvelope.of(checkedOut(cartId));
    transactions
        .write(List.of(cartCheckout(cartId, expectedVersion), outbox.append(envelope)))
        .block();
    return envelope;
  }

  void putCart(String cartId, long version) {
    dynamoSync.putItem(
        b ->
            b.tableName(carts)
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS(cartId),
                        "status", AttributeValue.fromS("OPEN"),
                        "version", AttributeValue.fromN(Long.toString(version)))));
  }

  TransactWriteItem cartCheckout(String cartId, long expectedVersion) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(carts)
                    .key(Map.of("pk", AttributeValue.fromS(cartId)))
                    .updateExpression("SET #status = :checkedOut, #version = #version + :one")
                    .conditionExpression("#version = :expected AND #status = :open")
                    .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
                    .expressionAttributeValues(
                        Map.of(
                            ":checkedOut", AttributeValue.fromS("CHECKED_OUT"),
                            ":open", AttributeValue.fromS("OPEN"),
                            ":one", AttributeValue.fromN("1"),
                            ":expected", AttributeValue.fromN(Long.toString(expectedVersion)))))
        .build();
  }

  void transact(TransactWriteItem... items) {
    dynamo.transactWriteItems(b -> b.transactItems(items)).join();
  }

  Map<String, AttributeValue> cart(String cartId) {
    return dynamoSync
        .getItem(b -> b.tableName(carts).key(Map.of("pk", AttributeValue.fromS(cartId))))
        .item();
  }

  /** Every item in the outbox, read shard by shard. */
  List<Map<String, AttributeValue>> outboxItems() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (String partition : table.partitions()) {
      items.addAll(
          dynamoSync
              .queryPaginator(
                  b ->
                      b.tableName(table.name())
                          .keyConditionExpression("pk = :pk")
                          .expressionAttributeValues(
                              Map.of(":pk", AttributeValue.fromS(partition))))
              .items()
              .stream()
              .toList());
    }
    return items;
  }

  double meter(String name) {
    var gauge = registry.find(name).tag("store", "dynamodb").gauge();
    if (gauge != null) {
      return gauge.value();
    }
    return registry.get(name).tag("store", "dynamodb").counter().count();
  }

  @Override
  public void close() {
    dynamo.close();
    dynamoSync.close();
    sqs.close();
  }
}
