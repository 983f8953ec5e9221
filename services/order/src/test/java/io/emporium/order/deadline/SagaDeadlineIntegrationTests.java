package io.emporium.order.deadline;

import static io.emporium.order.Downstream.NOTIFICATION;
import static io.emporium.order.Downstream.PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.order.Downstream;
import io.emporium.order.OrderIntegrationTest;
import io.emporium.order.PrometheusText;
import io.emporium.order.Upstream;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Given an order nobody answers, expect it cancelled (TIMEOUT) once its deadline passed. */
@TestPropertySource(
    properties = {
      "emporium.order.saga-deadline=3s",
      "emporium.order.deadline-sweep-interval=500ms"
    })
class SagaDeadlineIntegrationTests extends OrderIntegrationTest {

  @Test
  void pendingOrderPastItsDeadlineIsCancelledAsTimeout() {
    String orderId = place("chk-silent", "cust-silent");

    OrderCancelled toPayment = downstream.await(PAYMENT, OrderCancelled.class, orderId);
    OrderCancelled toNotification = downstream.await(NOTIFICATION, OrderCancelled.class, orderId);

    assertThat(toPayment.reason()).isEqualTo(CancellationReason.TIMEOUT);
    assertThat(toNotification.reason()).isEqualTo(CancellationReason.TIMEOUT);
    JsonNode order = awaitStatus("cust-silent", orderId, "CANCELLED");
    assertThat(order.at("/cancellation/code").asText()).isEqualTo("TIMEOUT");
    assertThat(timeline(order, "event")).containsExactly("CartCheckedOut", "DeadlinePassed");
  }

  @Test
  void paymentAuthorizedAfterTheTimeoutChangesNothing() {
    String orderId = place("chk-slowpay", "cust-slowpay");
    downstream.await(NOTIFICATION, OrderCancelled.class, orderId);

    upstream.publish(Upstream.paymentAuthorized(orderId));

    Awaitility.await()
        .atMost(Downstream.WITHIN)
        .until(() -> timeline(order("cust-slowpay", orderId), "event").size() == 3);
    JsonNode order = order("cust-slowpay", orderId);
    assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(order.at("/cancellation/code").asText()).isEqualTo("TIMEOUT");
    assertThat(timeline(order, "event"))
        .containsExactly("CartCheckedOut", "DeadlinePassed", "PaymentAuthorized");
    assertThat(timeline(order, "status")).containsExactly("PENDING", "CANCELLED", "CANCELLED");
    assertThat(
            downstream.during(NOTIFICATION, OrderConfirmed.class, orderId, Duration.ofSeconds(2)))
        .isEmpty();
  }

  @Test
  void timeoutsAreCountedInPrometheus() {
    String orderId = place("chk-counted", "cust-counted");
    downstream.await(NOTIFICATION, OrderCancelled.class, orderId);

    String metrics =
        web.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(PrometheusText.value(metrics, "orders_completed_total", "cancelled_timeout"))
        .isGreaterThanOrEqualTo(1.0);
  }
}
