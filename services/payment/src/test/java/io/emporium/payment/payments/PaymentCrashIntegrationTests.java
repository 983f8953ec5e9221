package io.emporium.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.payment.PaymentAuthorized;
import io.emporium.events.payment.PaymentRefunded;
import io.emporium.payment.Orders;
import io.emporium.payment.PaymentDatabase;
import io.emporium.payment.RunningPayment;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.EventBus;
import io.emporium.platform.testing.TestPaymentProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Defect 4 ("charged once only within one process"): the provider approved, then the payment
 * service's commit failed — a deferred constraint trigger makes PostgreSQL refuse the COMMIT that
 * records the authorization — and the service restarted. The redelivered message must not authorize
 * again (authorizations are counted at the provider, a separate process with its own database), and
 * an authorization whose record failed must be voided when the order is cancelled. Both failed on
 * the code before ADR 0010 (2 authorizations; no void).
 */
@ExtendWith(EmulatedInfrastructure.class)
class PaymentCrashIntegrationTests {

  private static final Duration WITHIN = Duration.ofSeconds(40);
  private static final String ORDER_FROM_PAYMENT = "emporium-test-order-from-payment";
  private static final String NOTIFICATION_FROM_PAYMENT = "emporium-test-notification-from-payment";

  private final RunningPayment payment = RunningPayment.on("payment");
  private final TestPaymentProvider psp = TestPaymentProvider.shared();
  private final EventBus bus = new EventBus();
  private final PaymentDatabase db = new PaymentDatabase("payment");

  @AfterEach
  void stop() {
    payment.close();
  }

  @Test
  void aRestartAfterAFailedCommitDoesNotAuthorizeAgain() {
    var order = authorizedButNotRecorded();

    payment.stop();
    stopFailingCommits();
    payment.start();

    var authorized = bus.await(ORDER_FROM_PAYMENT, order.orderId(), 1, WITHIN);
    assertThat(authorized).hasSize(1);
    assertThat(authorized.getFirst().data()).isInstanceOf(PaymentAuthorized.class);
    assertThat(authorizationsAtProvider(order)).isEqualTo(1);
  }

  @Test
  void anAuthorizationWhoseCommitFailedIsVoidedWhenTheOrderIsCancelled() {
    var order = authorizedButNotRecorded();

    bus.publish(order.cancelled(CancellationReason.TIMEOUT));

    var refunded = bus.await(NOTIFICATION_FROM_PAYMENT, order.orderId(), 1, WITHIN);
    assertThat(refunded).hasSize(1);
    assertThat(refunded.getFirst().data()).isInstanceOf(PaymentRefunded.class);
    assertThat(authorizationsAtProvider(order)).isEqualTo(1);
    assertThat(heldAtProvider(order)).isZero();
    await().atMost(WITHIN).until(() -> "VOIDED".equals(status(order)));
  }

  @Test
  void anAuthorizationAnsweredAfterTheTimeoutIsRetriedWithItsKeyAndAuthorizesOnce() {
    var order = Orders.paidWith(Orders.SLOW);
    payment.with("emporium.payment.provider.call-timeout", "1s").start();

    bus.publish(order.placed());
    bus.publish(order.reserved());

    var authorized = bus.await(ORDER_FROM_PAYMENT, order.orderId(), 1, WITHIN);
    assertThat(authorized).hasSize(1);
    assertThat(authorized.getFirst().data()).isInstanceOf(PaymentAuthorized.class);
    assertThat(authorizationsAtProvider(order)).isEqualTo(1);
  }

  @Test
  void theReconcilerSettlesAPaymentStuckAuthorizing() {
    var order = Orders.paidWith(Orders.APPROVES);
    payment
        .with("emporium.payment.reconcile.interval", "500ms")
        .with("emporium.payment.reconcile.stuck-after", "2s")
        .start();
    bus.publish(order.placed());
    await().atMost(WITHIN).until(() -> "AWAITING_STOCK".equals(status(order)));
    // As a crash right after the intent's commit leaves it, with its message gone to the DLQ.
    db.execute(
        "UPDATE payments SET status = 'AUTHORIZING', authorization_requested_at = now()"
            + " WHERE order_id = '"
            + order.orderId()
            + "'");

    var authorized = bus.await(ORDER_FROM_PAYMENT, order.orderId(), 1, WITHIN);
    assertThat(authorized).hasSize(1);
    assertThat(authorized.getFirst().data()).isInstanceOf(PaymentAuthorized.class);
    assertThat(status(order)).isEqualTo("AUTHORIZED");
    assertThat(authorizationsAtProvider(order)).isEqualTo(1);
  }

  /**
   * An order whose authorization the provider approved while the commit recording it failed (and
   * will fail again on every redelivery until {@link #stopFailingCommits}).
   */
  private Orders authorizedButNotRecorded() {
    var order = Orders.paidWith(Orders.APPROVES);
    payment.start();
    failCommitsAuthorizing(order);
    bus.publish(order.placed());
    var reserved = bus.publish(order.reserved());
    await().atMost(WITHIN).until(() -> commitsFailed(reserved.id().toString()) > 0);
    return order;
  }

  private long authorizationsAtProvider(Orders order) {
    return atProvider(order).stream()
        .filter(p -> !p.get("status").asText().equals("DECLINED"))
        .count();
  }

  /** Authorizations still holding (or having taken) the customer's money. */
  private long heldAtProvider(Orders order) {
    return atProvider(order).stream()
        .filter(p -> List.of("AUTHORIZED", "CAPTURED").contains(p.get("status").asText()))
        .count();
  }

  private List<JsonNode> atProvider(Orders order) {
    return psp.payments(order.orderId());
  }

  private void failCommitsAuthorizing(Orders order) {
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS test_failing_commits (order_id text PRIMARY KEY);
        CREATE OR REPLACE FUNCTION test_fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.status = 'AUTHORIZED'
             AND EXISTS (SELECT 1 FROM test_failing_commits WHERE order_id = NEW.order_id) THEN
            RAISE EXCEPTION 'injected: the commit recording order % as authorized fails',
              NEW.order_id;
          END IF;
          RETURN NULL;
        END $$;
        DROP TRIGGER IF EXISTS test_fail_commit ON payments;
        CREATE CONSTRAINT TRIGGER test_fail_commit AFTER INSERT OR UPDATE ON payments
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_fail_commit();
        """);
    db.execute("INSERT INTO test_failing_commits VALUES ('" + order.orderId() + "')");
  }

  private void stopFailingCommits() {
    db.execute("DELETE FROM test_failing_commits");
  }

  private String status(Orders order) {
    return db.value("SELECT status FROM payments WHERE order_id = '" + order.orderId() + "'");
  }

  /**
   * Failures of the event at the injected commit, after the provider authorized. (Not any failure:
   * StockReserved handled before OrderPlaced fails too, with nothing asked of the provider yet.)
   */
  private long commitsFailed(String eventId) {
    return Long.parseLong(
        db.value(
            "SELECT count(*) FROM message_failures WHERE event_id = '"
                + eventId
                + "' AND reason LIKE '%injected: the commit%'"));
  }
}
