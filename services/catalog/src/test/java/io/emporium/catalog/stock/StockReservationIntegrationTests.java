package io.emporium.catalog.stock;

import static io.emporium.catalog.OrderTopic.line;
import static io.emporium.catalog.OrderTopic.newOrderId;
import static io.emporium.catalog.OrderTopic.placed;
import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.catalog.CatalogClient;
import io.emporium.catalog.CatalogIntegrationTest;
import io.emporium.catalog.OrderTopic;
import io.emporium.events.EventEnvelope;
import io.emporium.events.catalog.CatalogEvent;
import io.emporium.events.catalog.ShortLine;
import io.emporium.events.catalog.StockRejected;
import io.emporium.events.catalog.StockReserved;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderPlaced;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.EventBus;
import io.emporium.platform.testing.MessagingTables;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.SampleOrder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The saga's catalog step on the emulator: given an order event published to the order topic,
 * expect the catalog's event within a bound and the stock to match.
 */
class StockReservationIntegrationTests extends CatalogIntegrationTest {

  private static final Duration WITHIN = Duration.ofSeconds(20);
  private static final String ENV = EmulatedInfrastructure.ENV;

  /** Order's queue for catalog events (StockReserved, StockRejected): nobody reads it here. */
  private static final String TO_ORDER =
      Topology.load().subscription(ENV, "order", "catalog").queue();

  /** No service consumes StockReleased: the test subscribes its own queue to see it. */
  private static String released;

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(StockReservationIntegrationTests.class);

  private static final String CANCELLED = "order.OrderCancelled.v1";

  @Autowired WebTestClient web;
  @Autowired DatabaseClient db;
  @Autowired MeterRegistry meters;

  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final OrderTopic orders = new OrderTopic();
  private CatalogClient catalog;

  @BeforeEach
  void client() {
    catalog = new CatalogClient(web);
  }

  @BeforeAll
  static void subscribeReleasedProbe() {
    released = new EventBus().auditQueue("catalog", "catalog.StockReleased.v1");
  }

  @Test
  void reservesEveryLineOfAnOrder() {
    catalog.createProduct("RSV-A1", "Reservable A", "a", 10);
    catalog.createProduct("RSV-A2", "Reservable B", "b", 3);
    OrderPlaced order = placed(newOrderId(), line("RSV-A1", 2), line("RSV-A2", 3));

    orders.publish(order);

    assertThat(next(TO_ORDER, order.orderId())).isEqualTo(SampleOrder.from(order).reserved());
    assertThat(catalog.stock("RSV-A1")).isEqualTo(CatalogClient.level(10, 2));
    assertThat(catalog.stock("RSV-A2")).isEqualTo(CatalogClient.level(3, 3));
  }

  @Test
  void rejectsTheWholeOrderNamingShortAndUnknownLines() {
    catalog.createProduct("RSV-B1", "Plenty", "p", 50);
    catalog.createProduct("RSV-B2", "Scarce", "s", 1);
    OrderPlaced order =
        placed(newOrderId(), line("RSV-B1", 5), line("RSV-B2", 2), line("RSV-NOPE", 1));

    orders.publish(order);

    assertThat(next(TO_ORDER, order.orderId()))
        .isEqualTo(
            new StockRejected(
                order.orderId(),
                List.of(new ShortLine("RSV-B2", 2, 1), new ShortLine("RSV-NOPE", 1, 0))));
    assertThat(catalog.stock("RSV-B1")).isEqualTo(CatalogClient.level(50, 0));
    assertThat(catalog.stock("RSV-B2")).isEqualTo(CatalogClient.level(1, 0));
  }

  @Test
  void releasesTheReservationWhenTheOrderIsCancelled() {
    catalog.createProduct("RSV-C1", "Returnable", "r", 6);
    OrderPlaced order = placed(newOrderId(), line("RSV-C1", 4));
    orders.publish(order);
    assertThat(next(TO_ORDER, order.orderId())).isInstanceOf(StockReserved.class);

    orders.publish(OrderTopic.cancelled(order, CancellationReason.PAYMENT_DECLINED));

    assertThat(next(released, order.orderId())).isEqualTo(SampleOrder.from(order).released());
    assertThat(catalog.stock("RSV-C1")).isEqualTo(CatalogClient.level(6, 0));
  }

  @Test
  void cancellingAnOrderThatReservedNothingPublishesNothing() {
    catalog.createProduct("RSV-D1", "Sold out", "none", 0);
    OrderPlaced rejected = placed(newOrderId(), line("RSV-D1", 1));
    orders.publish(rejected);
    assertThat(next(TO_ORDER, rejected.orderId())).isInstanceOf(StockRejected.class);
    String neverPlaced = newOrderId();
    long cancellations = processedOf(CANCELLED);

    orders.publish(OrderTopic.cancelled(rejected, CancellationReason.OUT_OF_STOCK));
    orders.publish(
        OrderTopic.cancelled(placed(neverPlaced, line("RSV-D1", 1)), CancellationReason.TIMEOUT));
    awaitProcessed(CANCELLED, cancellations + 2);

    // Only this test's orders: another test class's release may still be on the shared queue.
    assertThat(probe.drain(released, Duration.ofSeconds(2)))
        .noneMatch(orders.about(Set.of(rejected.orderId(), neverPlaced)));
    assertThat(catalog.stock("RSV-D1")).isEqualTo(CatalogClient.level(0, 0));
  }

  @Test
  void confirmingTheOrderTakesTheUnitsOffOnHand() {
    catalog.createProduct("RSV-E1", "Shippable", "s", 9);
    OrderPlaced order = placed(newOrderId(), line("RSV-E1", 4));
    orders.publish(order);
    assertThat(next(TO_ORDER, order.orderId())).isInstanceOf(StockReserved.class);

    orders.publish(OrderTopic.confirmed(order));

    Awaitility.await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> assertThat(catalog.stock("RSV-E1")).isEqualTo(CatalogClient.level(5, 0)));
    long cancellations = processedOf(CANCELLED);
    orders.publish(OrderTopic.cancelled(order, CancellationReason.TIMEOUT));
    awaitProcessed(CANCELLED, cancellations + 1);
    assertThat(catalog.stock("RSV-E1")).isEqualTo(CatalogClient.level(5, 0));
  }

  @Test
  void duplicatedOrderPlacedReservesOnce() {
    catalog.createProduct("RSV-F1", "Once only", "o", 10);
    OrderPlaced order = placed(newOrderId(), line("RSV-F1", 3));
    EventEnvelope first = EventEnvelope.of(order);
    double duplicatesBefore = duplicates();

    orders.publish(first);
    orders.publish(first);
    EventEnvelope again = orders.publish(order);

    assertThat(next(TO_ORDER, order.orderId())).isInstanceOf(StockReserved.class);
    Awaitility.await()
        .atMost(WITHIN)
        .until(() -> duplicates() > duplicatesBefore && processed(again.id()));
    assertThat(probe.drain(TO_ORDER, Duration.ofSeconds(2)))
        .noneMatch(orders.about(Set.of(order.orderId())));
    assertThat(catalog.stock("RSV-F1")).isEqualTo(CatalogClient.level(10, 3));
  }

  @Test
  void concurrentOrdersForTheLastUnitsNeverOversell() {
    catalog.createProduct("RSV-G1", "Limited edition", "only five", 5);
    double reservedBefore = reservations("reserved");
    double rejectedBefore = reservations("rejected");
    List<OrderPlaced> placedOrders =
        IntStream.range(0, 20).mapToObj(i -> placed(newOrderId(), line("RSV-G1", 1))).toList();
    Set<String> ids = Set.copyOf(placedOrders.stream().map(OrderPlaced::orderId).toList());

    long start = System.nanoTime();
    placedOrders.parallelStream().forEach(orders::publish);

    List<CatalogEvent> outcomes =
        probe.await(TO_ORDER, orders.about(ids), 20, Duration.ofSeconds(60)).stream()
            .map(orders::decode)
            .toList();
    log.info(
        "20 concurrent OrderPlaced for 5 units: {} outcomes observed after {} ms",
        outcomes.size(),
        (System.nanoTime() - start) / 1_000_000);
    assertThat(outcomes).hasSize(20);
    assertThat(outcomes).filteredOn(StockReserved.class::isInstance).hasSize(5);
    assertThat(outcomes)
        .filteredOn(StockRejected.class::isInstance)
        .hasSize(15)
        .allSatisfy(
            e ->
                assertThat(((StockRejected) e).shortLines())
                    .containsExactly(new ShortLine("RSV-G1", 1, 0)));
    assertThat(catalog.stock("RSV-G1")).isEqualTo(CatalogClient.level(5, 5));
    Awaitility.await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              assertThat(reservations("reserved") - reservedBefore).isEqualTo(5);
              assertThat(reservations("rejected") - rejectedBefore).isEqualTo(15);
            });
  }

  private CatalogEvent next(String queue, String orderId) {
    var messages = probe.await(queue, orders.about(Set.of(orderId)), 1, WITHIN);
    assertThat(messages).as("an event about %s on %s", orderId, queue).hasSize(1);
    return orders.decode(messages.get(0));
  }

  private long processedOf(String type) {
    return count("SELECT count(*) AS n FROM processed_events WHERE type = '" + type + "'");
  }

  private void awaitProcessed(String type, long total) {
    Awaitility.await().atMost(WITHIN).until(() -> processedOf(type) >= total);
  }

  private boolean processed(UUID eventId) {
    return new MessagingTables(db).processed(eventId);
  }

  private long count(String sql) {
    return db.sql(sql).map(r -> r.get("n", Long.class)).one().block();
  }

  private double duplicates() {
    var counter = meters.find("emporium.events.duplicates").counter();
    return counter == null ? 0 : counter.count();
  }

  private double reservations(String outcome) {
    return meters.get("emporium.catalog.reservations").tag("outcome", outcome).counter().count();
  }
}
