package io.emporium.platform.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventFixtures;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.order.OrderPlaced;
import io.emporium.events.topology.Topology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboundMetricsTests {

  private static final Topology TOPOLOGY = Topology.load();
  private static final String QUEUE = "emporium-test-payment-from-order";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InboundMetrics metrics =
      new InboundMetrics(
          registry,
          TOPOLOGY.subscriptionsOf("test", "payment"),
          TOPOLOGY.queueDefaults().maxReceiveCount(),
          "r2dbc");

  @Test
  void registersEveryQueuesSeriesAtZeroBeforeTheFirstMessage() {
    for (var subscription : TOPOLOGY.subscriptionsOf("test", "payment")) {
      String queue = subscription.queue();
      assertThat(registry.get(InboundMetrics.RETRIED).tag("queue", queue).counter().count())
          .isZero();
      assertThat(registry.get(InboundMetrics.DEAD_LETTERED).tag("queue", queue).counter().count())
          .isZero();
      for (String type : subscription.types()) {
        assertThat(
                registry
                    .get(InboundMetrics.CONSUMED)
                    .tags("queue", queue, "type", type, "outcome", "handled")
                    .counter()
                    .count())
            .isZero();
      }
    }
    assertThat(registry.get(InboundMetrics.DUPLICATES).tag("store", "r2dbc").counter().count())
        .isZero();
  }

  @Test
  void countsARedeliveryAsRetriedAndRecordsHowLongItWaited() {
    metrics.received(message(1), Duration.ofMillis(300));
    metrics.received(message(2), Duration.ofSeconds(2));

    assertThat(registry.get(InboundMetrics.RETRIED).tag("queue", QUEUE).counter().count())
        .isEqualTo(1);
    var wait = registry.get(InboundMetrics.QUEUE_WAIT).tag("queue", QUEUE).timer();
    assertThat(wait.count()).isEqualTo(2);
    assertThat(wait.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(2000);
  }

  @Test
  void countsAFailureOnTheLastAllowedReceiveAsDeadLettered() {
    int last = TOPOLOGY.queueDefaults().maxReceiveCount();

    metrics.failed(message(last - 1), "order.OrderPlaced.v1", false);
    assertThat(registry.get(InboundMetrics.DEAD_LETTERED).tag("queue", QUEUE).counter().count())
        .isZero();
    metrics.failed(message(last), "order.OrderPlaced.v1", false);
    metrics.failed(message(last), InboundMetrics.UNKNOWN_TYPE, true);

    assertThat(registry.get(InboundMetrics.DEAD_LETTERED).tag("queue", QUEUE).counter().count())
        .isEqualTo(2);
    assertThat(
            registry
                .get(InboundMetrics.CONSUMED)
                .tags("queue", QUEUE, "type", "order.OrderPlaced.v1", "outcome", "failed")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get(InboundMetrics.CONSUMED)
                .tags("queue", QUEUE, "outcome", "malformed")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void logFieldsNameTheOrderOfAnEventThatHasOne() {
    var placed = EventFixtures.envelope("order.OrderPlaced.v1");
    var checkedOut = EventFixtures.envelope("cart.CartCheckedOut.v1");

    assertThat(EventLogFields.orderId(placed.data()))
        .contains(placed.dataAs(OrderPlaced.class).orderId());
    // the cart mints the order id at checkout, so its event names the order too
    assertThat(EventLogFields.orderId(checkedOut.data()))
        .contains(checkedOut.dataAs(CartCheckedOut.class).orderId());
    assertThat(EventLogFields.orderId(new WithoutOrder("x"))).isEmpty();
  }

  /** An event that concerns no order. */
  private record WithoutOrder(String sku) implements DomainEvent {
    @Override
    public String subject() {
      return sku;
    }
  }

  private static InboundMessage message(int receiveCount) {
    return new InboundMessage("m-" + receiveCount, QUEUE, receiveCount, null, "{}");
  }
}
