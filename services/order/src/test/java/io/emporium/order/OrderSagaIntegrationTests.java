package io.emporium.order;

import static io.emporium.order.Downstream.NOTIFICATION;
import static io.emporium.order.Downstream.PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.events.EventEnvelope;
import io.emporium.events.EventIds;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderPlaced;
import io.emporium.platform.testing.MessagingTables;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** Given upstream events published to their producers' topics, expect the order's events. */
class OrderSagaIntegrationTests extends OrderIntegrationTest {

  @Autowired DatabaseClient db;

  @Test
  void checkoutBecomesPendingOrderAndOrderPlaced() {
    CartCheckedOut checkout = Upstream.checkout("chk-placed", "cust-placed");
    upstream.publish(checkout);

    OrderPlaced placed = downstream.placed("chk-placed");

    assertThat(placed.checkoutId()).isEqualTo("chk-placed");
    assertThat(placed.customer()).isEqualTo(checkout.customer());
    assertThat(placed.lines()).isEqualTo(checkout.lines());
    assertThat(placed.total()).isEqualTo(checkout.total());
    assertThat(placed.shippingAddress()).isEqualTo(checkout.shippingAddress());
    assertThat(placed.paymentMethodToken()).isEqualTo(checkout.paymentMethodToken());
    JsonNode order = order("cust-placed", placed.orderId());
    assertThat(order.path("status").asText()).isEqualTo("PENDING");
    assertThat(order.path("total").path("amountMinor").asLong()).isEqualTo(4500);
    assertThat(timeline(order, "event")).containsExactly("CartCheckedOut");
  }

  @Test
  void aCheckoutCarryingTheOrderIdTheCartMintedBecomesThatOrder() {
    String orderId = EventIds.next().toString();
    CartCheckedOut checkout = Upstream.checkout("chk-minted", "cust-minted", orderId);
    upstream.publish(checkout);

    assertThat(downstream.placed("chk-minted").orderId()).isEqualTo(orderId);
    JsonNode order = order("cust-minted", orderId);
    assertThat(order.path("orderId").asText()).isEqualTo(orderId);
    assertThat(order.at("/shippingAddress/line1").asText())
        .isEqualTo(checkout.shippingAddress().line1());
    assertThat(order.path("email").asText()).isEqualTo(shopper("cust-minted").email());
    assertThat(order.path("cancellation").isNull()).isTrue();
  }

  @Test
  void sameCheckoutTwiceMakesOneOrderAndOneOrderPlaced() {
    CartCheckedOut checkout = Upstream.checkout("chk-dup", "cust-dup");
    EventEnvelope first = upstream.publish(checkout);
    upstream.publish(first);
    EventEnvelope resent = upstream.publish(checkout);

    downstream.placed("chk-dup");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> processed(first.id()) && processed(resent.id()));

    assertThat(downstream.during(PAYMENT, OrderPlaced.class, "chk-dup", Duration.ofSeconds(3)))
        .isEmpty();
    assertThat(count("SELECT count(*) FROM orders WHERE checkout_id = 'chk-dup'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM outbox WHERE payload LIKE '%chk-dup%'")).isZero();
  }

  @Test
  void stockReservedThenPaymentAuthorizedConfirmsTheOrder() {
    String orderId = place("chk-ok", "cust-ok");

    upstream.publish(Upstream.stockReserved(orderId));
    awaitStatus("cust-ok", orderId, "STOCK_RESERVED");
    upstream.publish(Upstream.paymentAuthorized(orderId));

    OrderConfirmed confirmed = downstream.await(NOTIFICATION, OrderConfirmed.class, orderId);
    assertThat(confirmed.paymentId()).isEqualTo("pay-" + orderId);
    assertThat(confirmed.cartId()).isEqualTo("cart-chk-ok");
    assertThat(confirmed.lines()).hasSize(2);
    JsonNode order = awaitStatus("cust-ok", orderId, "CONFIRMED");
    assertThat(timeline(order, "status")).containsExactly("PENDING", "STOCK_RESERVED", "CONFIRMED");
    assertThat(timeline(order, "event"))
        .containsExactly("CartCheckedOut", "StockReserved", "PaymentAuthorized");
  }

  @Test
  void paymentAuthorizedBeforeStockReservedConfirmsOnceStockIsReserved() {
    String orderId = place("chk-early", "cust-early");

    upstream.publish(Upstream.paymentAuthorized(orderId));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> timeline(order("cust-early", orderId), "event").contains("PaymentAuthorized"));
    assertThat(order("cust-early", orderId).path("status").asText()).isEqualTo("PENDING");
    upstream.publish(Upstream.stockReserved(orderId));

    assertThat(downstream.await(NOTIFICATION, OrderConfirmed.class, orderId).paymentId())
        .isEqualTo("pay-" + orderId);
    awaitStatus("cust-early", orderId, "CONFIRMED");
  }

  @Test
  void stockRejectedCancelsTheOrderAsOutOfStock() {
    String orderId = place("chk-short", "cust-short");

    upstream.publish(Upstream.stockRejected(orderId));

    OrderCancelled toPayment = downstream.await(PAYMENT, OrderCancelled.class, orderId);
    OrderCancelled toNotification = downstream.await(NOTIFICATION, OrderCancelled.class, orderId);
    assertThat(toPayment.reason()).isEqualTo(CancellationReason.OUT_OF_STOCK);
    assertThat(toNotification.detail()).contains("TEE-1");
    JsonNode order = awaitStatus("cust-short", orderId, "CANCELLED");
    assertThat(order.at("/cancellation/code").asText()).isEqualTo("OUT_OF_STOCK");
    assertThat(order.at("/cancellation/message").asText()).contains("no longer in stock");
    assertThat(timeline(order, "detail").getLast()).contains("TEE-1");
  }

  @Test
  void paymentDeclinedCancelsTheOrderWithTheReasonCode() {
    String orderId = place("chk-declined", "cust-declined");

    upstream.publish(Upstream.stockReserved(orderId));
    awaitStatus("cust-declined", orderId, "STOCK_RESERVED");
    upstream.publish(Upstream.paymentDeclined(orderId));

    OrderCancelled cancelled = downstream.await(NOTIFICATION, OrderCancelled.class, orderId);
    assertThat(cancelled.reason()).isEqualTo(CancellationReason.PAYMENT_DECLINED);
    assertThat(cancelled.detail()).isEqualTo("card_declined");
    JsonNode order = awaitStatus("cust-declined", orderId, "CANCELLED");
    assertThat(order.at("/cancellation/code").asText()).isEqualTo("PAYMENT_DECLINED");
    assertThat(order.at("/cancellation/message").asText()).contains("payment was declined");
    assertThat(timeline(order, "detail").getLast()).contains("card_declined");
  }

  @Test
  void latePaymentAuthorizedAfterCancellationChangesNothing() {
    String orderId = place("chk-late", "cust-late");
    upstream.publish(Upstream.stockRejected(orderId));
    downstream.await(NOTIFICATION, OrderCancelled.class, orderId);

    upstream.publish(Upstream.paymentAuthorized(orderId));

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> timeline(order("cust-late", orderId), "event").contains("PaymentAuthorized"));
    JsonNode order = order("cust-late", orderId);
    assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(order.at("/cancellation/code").asText()).isEqualTo("OUT_OF_STOCK");
    assertThat(timeline(order, "status")).containsExactly("PENDING", "CANCELLED", "CANCELLED");
    assertThat(order.path("timeline").get(2).path("detail").asText()).contains("ignored");
    assertThat(
            downstream.during(NOTIFICATION, OrderConfirmed.class, orderId, Duration.ofSeconds(2)))
        .isEmpty();
  }

  @Test
  void eventForAnUnknownOrderFailsSoItIsRetried() {
    String unknown = UUID.randomUUID().toString();

    EventEnvelope reserved = upstream.publish(Upstream.stockReserved(unknown));

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> new MessagingTables(db).failures(reserved.id(), "not known") == 1);
    assertThat(processed(reserved.id())).isFalse();
  }

  private boolean processed(UUID eventId) {
    return new MessagingTables(db).processed(eventId);
  }

  private long count(String sql) {
    return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
  }
}
