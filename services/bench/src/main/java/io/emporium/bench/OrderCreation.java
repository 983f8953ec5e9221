package io.emporium.bench;

import io.emporium.bench.proc.CpuMeter;
import io.emporium.bench.report.Figure;
import io.emporium.events.Customer;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.outbox.OutgoingEvent;
import io.emporium.platform.messaging.outbox.SnsBatchPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/**
 * Figure 3: the order service's CPU, and PostgreSQL's, per order created. Every other service is
 * paused (SIGSTOP) while the bench publishes CartCheckedOut events to the cart's topic, so the only
 * work done is the order's: receive, insert the order and its outbox row in one transaction, relay
 * OrderPlaced to SNS, delete the message. Then the others resume and settle the orders before the
 * next phase.
 */
final class OrderCreation {

  private static final double RATE = 10;

  private OrderCreation() {}

  static void run(Run run) throws Exception {
    int count = run.settings.createdOrders();
    List<ProcessHandle> paused =
        List.of("catalog", "cart", "payment", "notification", "edge", "psp").stream()
            .map(run.stack::serviceProcess)
            .toList();
    EventCodec codec = new EventCodec();
    Set<String> checkouts = new HashSet<>();
    try (SnsAsyncClient sns = Clients.sns(run.proxy.uri(), "bench")) {
      SnsBatchPublisher publisher = new SnsBatchPublisher(sns);
      String topic =
          sns.createTopic(b -> b.name(Topology.load().topicName("local", "cart")))
              .join()
              .topicArn();
      run.say.accept(
          "order creation: the other services paused, %d CartCheckedOut at %.0f/s"
              .formatted(count, RATE));
      Signals.pause(paused);
      try {
        CpuMeter.Snapshot before = run.cpu.snapshot();
        var callsBefore = run.proxy.snapshot();
        for (int second = 0; second * RATE < count; second++) {
          long tick = System.nanoTime();
          List<OutgoingEvent> batch = new ArrayList<>();
          for (int i = 0; i < RATE && checkouts.size() < count; i++) {
            CartCheckedOut event = checkedOut(run);
            checkouts.add(event.checkoutId());
            EventEnvelope envelope = EventEnvelope.of(event);
            batch.add(
                new OutgoingEvent(
                    envelope.id(),
                    envelope.type(),
                    envelope.subject(),
                    codec.encode(envelope),
                    null));
          }
          publisher.publish(topic, batch).block(Duration.ofSeconds(10));
          Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - tick) / 1_000_000));
        }
        var placed = Outcomes.await(run, checkouts, true, Duration.ofSeconds(30));
        Thread.sleep(1000); // the relay publishes the last OrderPlaced
        CpuMeter.Usage used = run.cpu.snapshot().since(before);
        int created = placed.size();
        if (created < count * 0.9) {
          throw new IllegalStateException(
              "only %d of %d CartCheckedOut became orders within 30 s (see the order service's log)"
                  .formatted(created, count));
        }
        var calls = run.proxy.snapshot().minus(callsBefore);
        String orderCalls = Measured.perAdd(calls, "order", created);
        double order = used.aboveIdle(run.idle, List.of("order")) / Math.max(1, created);
        double postgres = used.aboveIdle(run.idle, List.of("postgres")) / Math.max(1, created);
        run.facts.put("orderCreationMs", order);
        run.add(
            new Figure(
                3,
                "order creation: order service JVM CPU per order",
                "%.2f ms (%d orders)".formatted(order, created),
                "≤ 1.0 ms",
                Figure.Verdict.of(order <= 1.0),
                "PostgreSQL %.2f ms per order; moto %.2f ms; the reference: 1.04 ms JVM + 0.37 ms PostgreSQL (no outbox, in-memory messaging)"
                    .formatted(
                        postgres, used.aboveIdle(run.idle, List.of("moto")) / Math.max(1, created)),
                order <= 1.0
                    ? ""
                    : ("measured with every other service paused: the order JVM's CPU above its idle rate, divided by"
                            + " the orders created. Besides the INSERT of the order and its outbox row, each order made the"
                            + " order service send these AWS requests (each JSON-encoded, SigV4-signed and sent over HTTP): %s")
                        .formatted(orderCalls)));
        run.add(
            Figure.info(
                3,
                "order creation: PostgreSQL CPU per order",
                "%.2f ms".formatted(postgres),
                "reference 0.37 ms (no outbox)"));
      } finally {
        Signals.resume(paused);
      }
    }
    run.say.accept("  the other services resumed: settling the created orders");
    Outcomes.await(run, checkouts, false, run.settings.drain());
    Thread.sleep(3000); // the emails and cart updates that follow a confirmation
  }

  private static CartCheckedOut checkedOut(Run run) {
    String sku = run.skus.get(7);
    Money price = new Money(1000, "EUR");
    String customer = "bench-order-" + UUID.randomUUID();
    return new CartCheckedOut(
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        new Customer(customer, customer + "@example.com"),
        List.of(new LineItem(sku, "Bench product", 1, price)),
        price,
        new ShippingAddress("Bench Shopper", "1 Load Street", null, "London", "N1 9GU", "GB"),
        ShopperRequests.APPROVED_CARD,
        UUID.randomUUID().toString());
  }
}
