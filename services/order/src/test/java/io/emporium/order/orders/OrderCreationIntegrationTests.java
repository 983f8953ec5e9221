package io.emporium.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.EventEnvelope;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.order.OrderIntegrationTest;
import io.emporium.order.Upstream;
import io.emporium.platform.messaging.r2dbc.R2dbcProcessedEvents;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;

/**
 * What creating an order writes: the listener's transaction (event id recorded, order and its
 * timeline, OrderPlaced in the outbox), without SQS or the relay. What it costs is a figure of
 * {@code ./emporium bench} (order creation, docs/benchmarks.md), not of a test.
 */
@TestPropertySource(properties = "emporium.messaging.relay.enabled=false")
class OrderCreationIntegrationTests extends OrderIntegrationTest {

  private static final int CHECKOUTS = 50;

  @Autowired Orders orders;
  @Autowired R2dbcProcessedEvents processed;
  @Autowired DatabaseClient db;

  @Test
  void eachCheckoutWritesOneOrderOneTimelineEntryAndOneOutboxRow() {
    Flux.range(0, CHECKOUTS)
        .concatMap(
            i -> {
              CartCheckedOut checkout = Upstream.checkout("each-" + i, "creation");
              EventEnvelope envelope = EventEnvelope.of(checkout);
              return processed.once(envelope, orders.place(checkout, envelope.time()));
            })
        .blockLast(Duration.ofMinutes(1));

    assertThat(count("SELECT count(*) FROM orders")).isEqualTo(CHECKOUTS);
    assertThat(count("SELECT count(*) FROM outbox WHERE type = 'order.OrderPlaced.v1'"))
        .isEqualTo(CHECKOUTS);
    assertThat(count("SELECT count(*) FROM order_timeline")).isEqualTo(CHECKOUTS);
  }

  private long count(String sql) {
    return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
  }
}
