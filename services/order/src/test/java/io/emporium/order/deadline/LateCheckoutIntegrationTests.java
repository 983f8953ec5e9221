package io.emporium.order.deadline;

import static io.emporium.order.Downstream.PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.events.EventEnvelope;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.order.OrderIntegrationTest;
import io.emporium.order.Upstream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The saga deadline runs from the checkout, not from when its event reached the order service: a
 * CartCheckedOut held back (an outbox waiting out an SNS outage, a backlog, a DLQ replay) cannot
 * place an order that is confirmed long after the cart gave up on it (issue 14 defect 7).
 */
@TestPropertySource(
    properties = {
      "emporium.order.saga-deadline=2m",
      "emporium.order.deadline-sweep-interval=500ms"
    })
class LateCheckoutIntegrationTests extends OrderIntegrationTest {

  @Test
  void aCheckoutOlderThanTheSagaDeadlineIsCancelledAsTimeoutAtOnce() {
    Instant fiveMinutesAgo = Instant.now().minus(Duration.ofMinutes(5));
    upstream.publish(
        EventEnvelope.of(Upstream.checkout("chk-late", "cust-late")).withTime(fiveMinutesAgo));
    String orderId = downstream.placed("chk-late").orderId();

    OrderCancelled cancelled = downstream.await(PAYMENT, OrderCancelled.class, orderId);

    assertThat(cancelled.reason()).isEqualTo(CancellationReason.TIMEOUT);
    JsonNode order = awaitStatus("cust-late", orderId, "CANCELLED");
    assertThat(timeline(order, "event")).containsExactly("CartCheckedOut", "DeadlinePassed");
  }
}
