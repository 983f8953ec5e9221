package io.emporium.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emporium.events.EventEnvelope;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.payment.PaymentAuthorized;
import io.emporium.events.payment.PaymentDeclined;
import io.emporium.events.payment.PaymentRefunded;
import io.emporium.payment.Orders;
import io.emporium.payment.PaymentIntegrationTest;
import io.emporium.platform.testing.EventBus;
import io.emporium.platform.testing.MessagingTables;
import io.emporium.platform.testing.TestPaymentProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

class PaymentEventsIntegrationTests extends PaymentIntegrationTest {

  private static final Duration WITHIN = Duration.ofSeconds(20);

  /** StockReserved retried with 1, 2, 4 s backoff (jittered) until OrderPlaced arrives. */
  private static final Duration AFTER_RETRIES = Duration.ofSeconds(40);

  @Autowired DatabaseClient db;
  @Autowired MeterRegistry meters;
  @Autowired PaymentIntents intents;

  private final EventBus bus = new EventBus();

  @Test
  void authorizesOnceStockIsReserved() {
    var order = Orders.paidWith(Orders.APPROVES);

    bus.publish(order.placed());
    awaitStatus(order, "AWAITING_STOCK");
    bus.publish(order.reserved());

    var event = single(bus.await(ORDER_FROM_PAYMENT, order.orderId(), 1, WITHIN));
    var authorized = event.dataAs(PaymentAuthorized.class);
    assertThat(authorized.orderId()).isEqualTo(order.orderId());
    assertThat(authorized.amount()).isEqualTo(order.total());
    assertThat(authorized.authorizationCode()).startsWith("auth_");
    assertThat(event.subject()).isEqualTo(authorized.paymentId());
    assertThat(status(order)).isEqualTo("AUTHORIZED");
    assertThat(ledgerKinds(order)).containsExactly("AUTHORIZATION");
    assertThat(authorizations("authorized")).isPositive();
  }

  @Test
  void declinedCardPublishesPaymentDeclinedWithItsReason() {
    var order = Orders.paidWith(Orders.DECLINES);

    bus.publish(order.placed());
    awaitStatus(order, "AWAITING_STOCK");
    bus.publish(order.reserved());

    var declined =
        single(bus.await(ORDER_FROM_PAYMENT, order.orderId(), 1, WITHIN))
            .dataAs(PaymentDeclined.class);
    assertThat(declined.reasonCode()).isEqualTo("card_declined");
    assertThat(declined.message()).isNotBlank();
    assertThat(declined.amount()).isEqualTo(order.total());
    assertThat(status(order)).isEqualTo("DECLINED");
    assertThat(ledgerKinds(order)).containsExactly("DECLINE");
  }

  @Test
  void stockReservedBeforeOrderPlacedIsAuthorizedOnceOrderPlacedArrives() {
    var order = Orders.paidWith(Orders.APPROVES);
    var reserved = bus.publish(order.reserved());
    await()
        .atMost(WITHIN)
        .until(() -> tables().failures(reserved.id()) > 0); // tried, failed, to be retried

    bus.publish(order.placed());

    var event = single(bus.await(ORDER_FROM_PAYMENT, order.orderId(), 1, AFTER_RETRIES));
    assertThat(event.data()).isInstanceOf(PaymentAuthorized.class);
    assertThat(ledgerKinds(order)).containsExactly("AUTHORIZATION");
  }

  @Test
  void duplicatedStockReservedAuthorizesOnce() {
    var order = Orders.paidWith(Orders.APPROVES);
    bus.publish(order.placed());
    awaitStatus(order, "AWAITING_STOCK");

    var first = EventEnvelope.of(order.reserved());
    bus.publish(first);
    bus.publish(first); // redelivered: same event id
    var second = bus.publish(order.reserved()); // a second StockReserved: new event id

    await()
        .atMost(WITHIN)
        .until(() -> tables().processed(first.id()) && tables().processed(second.id()));
    var events = bus.await(ORDER_FROM_PAYMENT, order.orderId(), 1, WITHIN);
    events = concat(events, bus.drain(ORDER_FROM_PAYMENT, order.orderId(), Duration.ofSeconds(3)));
    assertThat(events)
        .hasSize(1)
        .first()
        .extracting(EventEnvelope::data)
        .isInstanceOf(PaymentAuthorized.class);
    assertThat(ledgerKinds(order)).containsExactly("AUTHORIZATION");
    assertThat(TestPaymentProvider.shared().payments(order.orderId())).hasSize(1);
  }

  @Test
  void orderCancelledAfterAuthorizationVoidsAndPublishesPaymentRefunded() {
    var order = Orders.paidWith(Orders.APPROVES);
    bus.publish(order.placed());
    awaitStatus(order, "AWAITING_STOCK");
    bus.publish(order.reserved());
    awaitStatus(order, "AUTHORIZED");

    bus.publish(order.cancelled(CancellationReason.TIMEOUT));

    var refunded =
        single(bus.await(NOTIFICATION_FROM_PAYMENT, order.orderId(), 1, WITHIN))
            .dataAs(PaymentRefunded.class);
    assertThat(refunded.customer()).isEqualTo(order.customer());
    assertThat(refunded.amount()).isEqualTo(order.total());
    assertThat(status(order)).isEqualTo("VOIDED");
    assertThat(ledgerKinds(order)).containsExactly("AUTHORIZATION", "VOID");
    assertThat(atProvider(order)).containsExactly("VOIDED");
  }

  @Test
  void orderConfirmedCapturesTheAuthorization() {
    var order = Orders.paidWith(Orders.APPROVES);
    bus.publish(order.placed());
    bus.publish(order.reserved());
    var authorized =
        single(bus.await(ORDER_FROM_PAYMENT, order.orderId(), 1, WITHIN))
            .dataAs(PaymentAuthorized.class);

    bus.publish(order.confirmed(authorized.paymentId()));

    awaitStatus(order, "CAPTURED");
    assertThat(ledgerKinds(order)).containsExactly("AUTHORIZATION", "CAPTURE");
    assertThat(atProvider(order)).containsExactly("CAPTURED");
  }

  @Test
  void orderCancelledAfterCaptureRefundsAndPublishesPaymentRefunded() {
    var order = Orders.paidWith(Orders.APPROVES);
    bus.publish(order.placed());
    bus.publish(order.reserved());
    var authorized =
        single(bus.await(ORDER_FROM_PAYMENT, order.orderId(), 1, WITHIN))
            .dataAs(PaymentAuthorized.class);
    bus.publish(order.confirmed(authorized.paymentId()));
    awaitStatus(order, "CAPTURED");

    bus.publish(order.cancelled(CancellationReason.TIMEOUT));

    var refunded =
        single(bus.await(NOTIFICATION_FROM_PAYMENT, order.orderId(), 1, WITHIN))
            .dataAs(PaymentRefunded.class);
    assertThat(refunded.amount()).isEqualTo(order.total());
    assertThat(status(order)).isEqualTo("REFUNDED");
    assertThat(ledgerKinds(order)).containsExactly("AUTHORIZATION", "CAPTURE", "REFUND");
    assertThat(atProvider(order)).containsExactly("REFUNDED");
  }

  @Test
  void aProviderErrorFailsTheMessageAndIsNeverTakenForADecline() {
    var order = Orders.paidWith(Orders.ERROR);
    bus.publish(order.placed());
    awaitStatus(order, "AWAITING_STOCK");

    var reserved = bus.publish(order.reserved());

    await()
        .atMost(WITHIN)
        .until(() -> tables().failures(reserved.id(), "provider answered 500") > 0);
    assertThat(status(order)).isEqualTo("AUTHORIZING");
    assertThat(ledgerKinds(order)).isEmpty();
    assertThat(bus.drain(ORDER_FROM_PAYMENT, order.orderId(), Duration.ofSeconds(2))).isEmpty();
    assertThat(atProvider(order)).isEmpty();
    // The order gives up on it: from now on redeliveries only look the authorization up (and find
    // none), so they stop hammering the provider and opening the circuit breaker for other tests.
    bus.publish(order.cancelled(CancellationReason.TIMEOUT));
    awaitStatus(order, "CANCELLING");
  }

  @Test
  void orderCancelledBeforeStockReservedIsNeverAuthorized() {
    var order = Orders.paidWith(Orders.APPROVES);
    bus.publish(order.placed());
    awaitStatus(order, "AWAITING_STOCK");
    bus.publish(order.cancelled(CancellationReason.OUT_OF_STOCK));
    awaitStatus(order, "VOIDED");

    var reserved = bus.publish(order.reserved());

    await().atMost(WITHIN).until(() -> tables().processed(reserved.id()));
    assertThat(bus.drain(ORDER_FROM_PAYMENT, order.orderId(), Duration.ofSeconds(2))).isEmpty();
    assertThat(status(order)).isEqualTo("VOIDED");
    assertThat(ledgerKinds(order)).isEmpty();
  }

  /**
   * StockReserved's intent is committed (AUTHORIZING) but its request not yet sent when the
   * cancellation comes (the e2e saga-deadline run: payment restarted with both messages waiting).
   * No request can leave after it, so the payment is voided at once — it used to wait for the
   * reconciler ({@code stuck-after} from the intent, a minute and more).
   */
  @Test
  void orderCancelledBetweenTheIntentAndItsRequestIsVoidedAtOnce() {
    var order = Orders.paidWith(Orders.APPROVES);
    bus.publish(order.placed());
    awaitStatus(order, "AWAITING_STOCK");
    intents.authorize(order.orderId()).block();
    assertThat(status(order)).isEqualTo("AUTHORIZING");

    var cancelled = bus.publish(order.cancelled(CancellationReason.TIMEOUT));

    await().atMost(WITHIN).until(() -> tables().processed(cancelled.id()));
    assertThat(status(order)).isEqualTo("VOIDED");
    assertThat(ledgerKinds(order)).isEmpty();
  }

  @Test
  void orderCancelledBeforeOrderPlacedIsNeverAuthorized() {
    var order = Orders.paidWith(Orders.APPROVES);
    bus.publish(order.cancelled(CancellationReason.TIMEOUT));
    awaitStatus(order, "VOIDED");

    bus.publish(order.placed());
    var reserved = bus.publish(order.reserved());

    await().atMost(WITHIN).until(() -> tables().processed(reserved.id()));
    assertThat(bus.drain(ORDER_FROM_PAYMENT, order.orderId(), Duration.ofSeconds(2))).isEmpty();
    assertThat(status(order)).isEqualTo("VOIDED");
    assertThat(ledgerKinds(order)).isEmpty();
  }

  private void awaitStatus(Orders order, String expected) {
    await().atMost(WITHIN).until(() -> expected.equals(status(order)));
  }

  private String status(Orders order) {
    return db.sql("SELECT status FROM payments WHERE order_id = :id")
        .bind("id", order.orderId())
        .map(row -> row.get("status", String.class))
        .one()
        .block();
  }

  private List<String> ledgerKinds(Orders order) {
    return db.sql(
            "SELECT e.kind FROM ledger_entries e JOIN payments p USING (payment_id)"
                + " WHERE p.order_id = :id ORDER BY e.at")
        .bind("id", order.orderId())
        .map(row -> row.get("kind", String.class))
        .all()
        .collectList()
        .block();
  }

  private double authorizations(String outcome) {
    return meters
        .find("emporium.payment.authorizations")
        .tag("outcome", outcome)
        .counters()
        .stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private static EventEnvelope single(List<EventEnvelope> events) {
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static List<EventEnvelope> concat(List<EventEnvelope> a, List<EventEnvelope> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** The statuses of the order's payments at the provider (the simulator's own records). */
  private List<String> atProvider(Orders order) {
    return TestPaymentProvider.shared().payments(order.orderId()).stream()
        .map(p -> p.get("status").asText())
        .toList();
  }

  private MessagingTables tables() {
    return new MessagingTables(db);
  }
}
