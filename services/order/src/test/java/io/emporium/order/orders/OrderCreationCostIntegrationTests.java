package io.emporium.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.EventEnvelope;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.order.OrderIntegrationTest;
import io.emporium.order.Upstream;
import io.emporium.platform.messaging.r2dbc.R2dbcProcessedEvents;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;

/**
 * What creating an order costs this JVM: the listener's transaction (event id recorded, order and
 * its timeline in one INSERT, OrderPlaced in the outbox), without SQS or the relay. The figure is
 * logged, not asserted (timings on a shared machine are not a test); the effects are.
 */
@TestPropertySource(properties = "emporium.messaging.relay.enabled=false")
class OrderCreationCostIntegrationTests extends OrderIntegrationTest {

  private static final Logger log =
      LoggerFactory.getLogger(OrderCreationCostIntegrationTests.class);
  private static final int WARM_UP = 2000;
  private static final int MEASURED = 2000;

  @Autowired Orders orders;
  @Autowired R2dbcProcessedEvents processed;
  @Autowired DatabaseClient db;

  @Test
  void eachCheckoutWritesOneOrderAndOneOutboxRow() {
    create("warm", WARM_UP);
    double idleCpuPerSecond = idleCpuPerSecond();

    long cpuBefore = processCpuNanos();
    Instant start = Instant.now();
    create("cost", MEASURED);
    Duration wall = Duration.between(start, Instant.now());
    double cpu = processCpuNanos() - cpuBefore - idleCpuPerSecond * wall.toMillis() / 1000.0;

    log.info(
        "order creation: {} orders in {} ms, {} ms JVM CPU per order ({} orders/s, sequential)",
        MEASURED,
        wall.toMillis(),
        String.format("%.3f", cpu / MEASURED / 1e6),
        MEASURED * 1000 / Math.max(1, wall.toMillis()));
    assertThat(count("SELECT count(*) FROM orders")).isEqualTo(WARM_UP + MEASURED);
    assertThat(count("SELECT count(*) FROM outbox WHERE type = 'order.OrderPlaced.v1'"))
        .isEqualTo(WARM_UP + MEASURED);
    assertThat(count("SELECT count(*) FROM order_timeline")).isEqualTo(WARM_UP + MEASURED);
  }

  private void create(String prefix, int n) {
    Flux.range(0, n)
        .concatMap(
            i -> {
              CartCheckedOut checkout = Upstream.checkout(prefix + "-" + i, "cost");
              EventEnvelope envelope = EventEnvelope.of(checkout);
              return processed.once(envelope, orders.place(checkout, envelope.time()));
            })
        .blockLast(Duration.ofMinutes(5));
  }

  private static double idleCpuPerSecond() {
    long before = processCpuNanos();
    try {
      Thread.sleep(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return (processCpuNanos() - before) / 2.0;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private long count(String sql) {
    return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
  }
}
