package io.emporium.notification.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emporium.events.EventEnvelope;
import io.emporium.events.notification.NotificationSent;
import io.emporium.events.order.CancellationReason;
import io.emporium.notification.MotoSes;
import io.emporium.notification.MotoSes.SentEmail;
import io.emporium.notification.NotificationIntegrationTest;
import io.emporium.notification.Orders;
import io.emporium.platform.testing.EventBus;
import io.emporium.platform.testing.MessagingTables;
import io.emporium.platform.testing.SampleOrder;
import io.emporium.platform.testing.TestEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

class NotificationEventsIntegrationTests extends NotificationIntegrationTest {

  private static final Duration WITHIN = Duration.ofSeconds(20);
  private static final String SENDER = "shop@emporium.local";

  @Autowired DatabaseClient db;

  private final EventBus bus = new EventBus();
  private final MotoSes ses = new MotoSes();

  /** Nobody consumes the notification topic: what the service published reaches this queue. */
  private static String audit;

  @BeforeAll
  static void auditNotificationTopic() {
    audit = new EventBus().auditQueue("notification");
  }

  @Test
  void orderConfirmedIsEmailedStoredAndReported() {
    var order = Orders.of(Orders.newCustomer());

    bus.publish(order.confirmed());

    var sent = sentEvent(order);
    assertThat(sent.template()).isEqualTo("order-confirmed");
    assertThat(sent.channel()).isEqualTo("EMAIL");
    assertThat(sent.customerId()).isEqualTo(order.customer().id());
    assertThat(stored(order))
        .containsEntry("status", "SENT")
        .containsEntry("template", "order-confirmed")
        .containsEntry("recipient", order.customer().email())
        .containsEntry("customer_id", order.customer().id())
        .containsEntry("provider_message_id", sent.providerMessageId())
        .containsEntry("notification_id", UUID.fromString(sent.notificationId()));
    SentEmail email = single(ses.sentTo(order.customer().email()));
    assertThat(email.id()).isEqualTo(sent.providerMessageId());
    assertThat(email.source()).isEqualTo(SENDER);
    assertThat(email.subject()).contains(order.orderId()).contains("confirmed");
    assertThat(email.body()).contains("EUR 49.98").contains("2 × Tea &lt;Pot&gt; at EUR 24.99");
    assertThat((String) stored(order).get("body_text")).contains("2 × Tea <Pot> at EUR 24.99");
  }

  @Test
  void orderCancelledIsEmailedWithTheReasonInWords() {
    var order = Orders.of(Orders.newCustomer());

    bus.publish(order.cancelled(CancellationReason.OUT_OF_STOCK, "SKU-1: 2 requested, 1 left"));

    var sent = sentEvent(order);
    assertThat(sent.template()).isEqualTo("order-cancelled");
    assertThat(stored(order)).containsEntry("status", "SENT");
    SentEmail email = single(ses.sentTo(order.customer().email()));
    assertThat(email.subject()).contains(order.orderId()).contains("cancelled");
    assertThat(email.body())
        .contains("because some of its items are no longer in stock (SKU-1: 2 requested, 1 left)");
  }

  @Test
  void paymentRefundedIsEmailedWithTheAmount() {
    var order = Orders.of(Orders.newCustomer());

    bus.publish(order.refunded());

    var sent = sentEvent(order);
    assertThat(sent.template()).isEqualTo("payment-refunded");
    assertThat(stored(order)).containsEntry("status", "SENT");
    SentEmail email = single(ses.sentTo(order.customer().email()));
    assertThat(email.body()).contains("EUR 49.98").contains(order.orderId());
  }

  @Test
  void duplicatedEventIsStoredAndSentOnce() {
    var order = Orders.of(Orders.newCustomer());
    var confirmed = EventEnvelope.of(order.confirmed());

    bus.publish(confirmed);
    bus.publish(confirmed); // redelivered: same event id
    var again = bus.publish(order.confirmed()); // the same fact again: new event id

    await()
        .atMost(WITHIN)
        .until(() -> tables().processed(confirmed.id()) && tables().processed(again.id()));
    var events = bus.await(audit, order.orderId(), 1, WITHIN);
    var more = bus.drain(audit, order.orderId(), Duration.ofSeconds(3));
    assertThat(events).hasSize(1);
    assertThat(more).isEmpty();
    assertThat(count(order)).isEqualTo(1);
    assertThat(ses.sentTo(order.customer().email())).hasSize(1);
  }

  @Test
  void failedSendStaysPendingAndIsSentOnRedelivery() {
    var order = Orders.of(Orders.newCustomer());
    try (var sesClient = sesClient()) {
      sesClient.deleteEmailIdentity(b -> b.emailIdentity(SENDER)); // SES now rejects the sender
      var confirmed = bus.publish(order.confirmed());
      await().atMost(WITHIN).until(() -> tables().failures(confirmed.id()) > 0);
      assertThat(stored(order)).containsEntry("status", "PENDING");
      assertThat(ses.sentTo(order.customer().email())).isEmpty();

      sesClient.createEmailIdentity(b -> b.emailIdentity(SENDER));
    }

    var sent = sentEvent(order);
    assertThat(stored(order)).containsEntry("status", "SENT");
    assertThat(single(ses.sentTo(order.customer().email())).id())
        .isEqualTo(sent.providerMessageId());
    assertThat(count(order)).isEqualTo(1);
  }

  private NotificationSent sentEvent(SampleOrder order) {
    var events = bus.await(audit, order.orderId(), 1, Duration.ofSeconds(40));
    assertThat(events).hasSize(1);
    return events.get(0).dataAs(NotificationSent.class);
  }

  private Map<String, Object> stored(SampleOrder order) {
    return db.sql("SELECT * FROM notifications WHERE order_id = :id")
        .bind("id", order.orderId())
        .fetch()
        .one()
        .blockOptional()
        .orElseThrow(() -> new AssertionError("no notification for " + order.orderId()));
  }

  private long count(SampleOrder order) {
    return db.sql("SELECT count(*) AS n FROM notifications WHERE order_id = :id")
        .bind("id", order.orderId())
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }

  private static SesV2Client sesClient() {
    var aws = TestEnvironment.aws().clients();
    return SesV2Client.builder()
        .endpointOverride(aws.endpoint())
        .region(aws.region())
        .credentialsProvider(aws.credentials())
        .build();
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private MessagingTables tables() {
    return new MessagingTables(db);
  }
}
