package io.emporium.bench;

import io.emporium.bench.proxy.CallCounts;
import io.emporium.bench.report.Figure;
import io.emporium.events.Customer;
import io.emporium.events.EventCodec;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.dataschema.DataSchema;
import io.emporium.local.DynamoDbTables;
import io.emporium.platform.messaging.MessagingProperties;
import io.emporium.platform.messaging.dynamodb.DynamoDbOutbox;
import io.emporium.platform.messaging.dynamodb.DynamoDbOutboxStore;
import io.emporium.platform.messaging.dynamodb.DynamoDbOutboxTable;
import io.emporium.platform.messaging.outbox.OutboxRelay;
import io.emporium.platform.messaging.outbox.RelaySettings;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import io.emporium.platform.messaging.outbox.SnsBatchPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/**
 * Figure 7's relay rows: the platform's outbox relay over its DynamoDB store (the cart's), run here
 * against an outbox table of its own (declared as the cart's in data-schema.yaml) with the shop's
 * default settings; events are appended as the cart does (a TransactWriteItems, then a wake-up) at
 * 1 and at 50 a second; every request the relay sends is counted (access key {@value #CLIENT}) and
 * divided by the events.
 */
final class RelayPhase {

  static final String CLIENT = "bench-relay";

  /** The slow rate runs this much longer than the fast one: its events are few. */
  static final Duration SLOW_EXTRA = Duration.ofSeconds(2);

  private RelayPhase() {}

  static void run(Run run) throws Exception {
    Duration slow = run.settings.relayPhase().plus(SLOW_EXTRA);
    if (!run.fits(slow.plus(run.settings.relayPhase()).plusSeconds(10))) {
      run.add(
          Figure.notMeasured(
              7, "outbox relay requests per event", "", "the run's time budget was spent"));
      return;
    }
    DynamoDbOutboxTable table =
        new DynamoDbOutboxTable("emporium-bench-relay-outbox", DynamoDbOutboxTable.DEFAULT_SHARDS);
    try (DynamoDbClient sync =
            DynamoDbClient.builder()
                .endpointOverride(run.moto)
                .region(Region.US_EAST_1)
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .build();
        DynamoDbAsyncClient dynamo = Clients.dynamo(run.proxy.uri(), CLIENT);
        SnsAsyncClient sns = Clients.sns(run.proxy.uri(), CLIENT)) {
      new DynamoDbTables(sync).create(table.name(), DataSchema.load().table("cart-outbox"));
      String topic = sns.createTopic(b -> b.name("emporium-bench-relay")).join().topicArn();
      RelayWakeUp wakeUp = new RelayWakeUp();
      var relay =
          new OutboxRelay(
              new DynamoDbOutboxStore(dynamo, table),
              new SnsBatchPublisher(sns),
              Mono.just(topic),
              RelaySettings.of(
                  new MessagingProperties.Relay(
                      true,
                      Duration.ofMillis(100),
                      Duration.ofSeconds(5), // the default, as deployed
                      50,
                      Duration.ofSeconds(1),
                      Duration.ofMinutes(5),
                      0),
                  Clock.systemUTC()),
              wakeUp,
              new SimpleMeterRegistry());
      relay.start();
      try {
        Thread.sleep(1000);
        DynamoDbOutbox outbox = new DynamoDbOutbox(table, new EventCodec());
        for (int rate : List.of(1, run.settings.relayFastRate())) {
          Duration length = rate == 1 ? slow : run.settings.relayPhase();
          run.say.accept(
              "outbox relay at %d events/s for %d s".formatted(rate, length.toSeconds()));
          CallCounts before = run.proxy.snapshot();
          long events =
              run.load
                  .open(
                      "outbox appends at %d/s".formatted(rate),
                      rate,
                      length,
                      i ->
                          Mono.fromFuture(
                                  () ->
                                      dynamo.transactWriteItems(
                                          b -> b.transactItems(outbox.append(event()))))
                              .doOnNext(r -> wakeUp.appended())
                              .thenReturn(200))
                  .ok();
          awaitSettled(run, before, events);
          CallCounts calls = run.proxy.snapshot().minus(before);
          long relayed =
              calls.total(
                  c -> c.client().equals(CLIENT) && !c.operation().equals("TransactWriteItems"));
          run.add(
              Figure.info(
                  7,
                  "outbox relay requests per event at %d events/s".formatted(rate),
                  "%.1f".formatted(relayed / (double) Math.max(1, events)),
                  "by API per event: "
                      + Measured.perAdd(
                          new CallCounts(
                              calls.counts().entrySet().stream()
                                  .filter(e -> !e.getKey().operation().equals("TransactWriteItems"))
                                  .collect(
                                      java.util.stream.Collectors.toMap(
                                          java.util.Map.Entry::getKey,
                                          java.util.Map.Entry::getValue))),
                          CLIENT,
                          events)));
        }
      } finally {
        relay.stop();
      }
    }
  }

  /**
   * Waits (at most 20 s) until the relay has claimed every appended event (one conditional
   * UpdateItem each, its lease), then 1 s more for the publish, the batched delete and the trailing
   * polls: a relay behind the appends would otherwise be counted for fewer requests than the events
   * will cost.
   */
  private static void awaitSettled(Run run, CallCounts before, long events)
      throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      long settled =
          run.proxy
              .snapshot()
              .minus(before)
              .total(c -> c.client().equals(CLIENT) && c.operation().equals("UpdateItem"));
      if (settled >= events) {
        break;
      }
      Thread.sleep(250);
    }
    Thread.sleep(1000);
  }

  private static CartCheckedOut event() {
    Money price = new Money(1000, "EUR");
    return new CartCheckedOut(
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        new Customer("bench-relay", "relay@example.com"),
        List.of(new LineItem("BENCH-1", "Bench product", 1, price)),
        price,
        new ShippingAddress("Bench Shopper", "1 Load Street", null, "London", "N1 9GU", "GB"),
        ShopperRequests.APPROVED_CARD,
        UUID.randomUUID().toString());
  }
}
