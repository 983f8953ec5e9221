package io.emporium.order.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.order.Downstream;
import io.emporium.order.OrderIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/**
 * One overdue order that cannot be cancelled (here its stored lines are unreadable; in life any
 * bug, bad data or an event its consumers' schema refuses) must not keep every other overdue order
 * open: each is cancelled on its own.
 */
@TestPropertySource(
    properties = {
      "emporium.order.saga-deadline=3s",
      "emporium.order.deadline-sweep-interval=500ms",
      // health answers without details in the services (accounts); this test reads them
      "management.endpoint.health.group.liveness.show-details=always"
    })
class OverdueOrderFailureIntegrationTests extends OrderIntegrationTest {

  @Autowired DatabaseClient db;

  /** Other test classes share the database: the broken order must not outlive this one. */
  @AfterEach
  void removeBrokenOrders() {
    db.sql("DELETE FROM orders WHERE customer_id = 'cust-broken'").then().block();
  }

  @Test
  void anOrderThatCannotBeCancelledDoesNotHoldBackTheOthers() {
    UUID broken = brokenOrderOverdueSinceAnHour();
    List<String> orders =
        List.of(
            place("chk-overdue-1", "cust-overdue-1"),
            place("chk-overdue-2", "cust-overdue-2"),
            place("chk-overdue-3", "cust-overdue-3"));

    List<OrderCancelled> cancelled =
        downstream.awaitEach(Downstream.PAYMENT, OrderCancelled.class, orders);
    assertThat(cancelled)
        .extracting(OrderCancelled::orderId)
        .containsExactlyInAnyOrderElementsOf(orders);
    assertThat(cancelled)
        .allSatisfy(c -> assertThat(c.reason()).isEqualTo(CancellationReason.TIMEOUT));
    assertThat(statusOf(broken)).isEqualTo("PENDING");
  }

  @Test
  void theSweeperIsPartOfLiveness() {
    String liveness =
        web.get()
            .uri("/actuator/health/liveness")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(liveness).contains("\"sagaDeadline\"").contains("\"loop\":\"saga-deadline\"");
  }

  /** An open order first in deadline order whose lines no longer map to line items. */
  private UUID brokenOrderOverdueSinceAnHour() {
    UUID id = UUID.randomUUID();
    db.sql(
            """
            INSERT INTO orders (id, checkout_id, cart_id, customer_id, customer_email, status, lines,
                                total_minor, currency, shipping_address, checked_out_at, created_at,
                                updated_at, deadline)
            VALUES (:id, :checkout, 'cart-broken', 'cust-broken', 'broken@example.com', 'PENDING',
                    '{"not": "a list of lines"}'::jsonb, 100, 'EUR', '{}'::jsonb,
                    now() - interval '2 hours', now() - interval '2 hours', now() - interval '2 hours',
                    now() - interval '1 hour')""")
        .bind("id", id)
        .bind("checkout", "chk-broken-" + id)
        .then()
        .block();
    return id;
  }

  private String statusOf(UUID id) {
    return db.sql("SELECT status FROM orders WHERE id = :id")
        .bind("id", id)
        .map(row -> row.get("status", String.class))
        .one()
        .block();
  }
}
