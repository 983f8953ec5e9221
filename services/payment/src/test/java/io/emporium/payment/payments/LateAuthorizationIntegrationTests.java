package io.emporium.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emporium.events.order.CancellationReason;
import io.emporium.payment.HeldAuthorizations;
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
 * A cancelled order left with an authorization held at the provider (issue 14, the fault suite's
 * seed-15 run of 2026-12-01): an authorize request re-sent long after the payment's intent was
 * recorded (by the reconciler, or a redelivery), held by a frozen provider or a slow network
 * ({@link HeldAuthorizations}), lands after the order's release concluded that nothing was held.
 * The provider must end with the order's authorization voided, whatever the timing.
 */
@ExtendWith(EmulatedInfrastructure.class)
class LateAuthorizationIntegrationTests {

  private static final Duration WITHIN = Duration.ofSeconds(45);

  private final RunningPayment payment = RunningPayment.on("payment");
  private final TestPaymentProvider psp = TestPaymentProvider.shared();
  private final EventBus bus = new EventBus();
  private final PaymentDatabase db = new PaymentDatabase("payment");
  private HeldAuthorizations network;

  @AfterEach
  void stop() {
    payment.close();
    if (network != null) {
      network.close();
    }
  }

  /**
   * The release waits {@code stuck-after} from the latest authorize request sent, not from the
   * intent: held 4 s, well within the 10 s it waits, the authorization is found and voided.
   */
  @Test
  void aReleaseWaitsForAnAuthorizationResentLongAfterItsIntent() {
    var order = stuckAuthorizing(Duration.ofSeconds(4), Duration.ofSeconds(10));

    await().atMost(WITHIN).until(() -> network.authorizationsReceived() > 0);
    bus.publish(order.cancelled(CancellationReason.TIMEOUT));

    assertVoidedAtProviderAndHere(order);
  }

  /**
   * An authorize request held longer than the release waits (6 s against 2 s) lands after the
   * payment was recorded VOIDED with nothing held: the reconciler's follow-up look-up finds it and
   * voids it.
   */
  @Test
  void anAuthorizationLandingAfterTheReleaseGaveUpWaitingIsVoided() {
    var order = stuckAuthorizing(Duration.ofSeconds(6), Duration.ofSeconds(2));

    await().atMost(WITHIN).until(() -> network.authorizationsReceived() > 0);
    bus.publish(order.cancelled(CancellationReason.TIMEOUT));

    assertVoidedAtProviderAndHere(order);
  }

  /**
   * A payment whose AUTHORIZING intent was committed a minute ago and whose message is gone (a
   * crash right after the commit, its message in the DLQ): the reconciler looks it up, finds
   * nothing and sends the authorize request again — which the network holds for {@code hold}.
   */
  private Orders stuckAuthorizing(Duration hold, Duration stuckAfter) {
    var order = Orders.paidWith(Orders.APPROVES);
    network = HeldAuthorizations.inFrontOf(psp.baseUrl(), hold);
    payment
        .with("emporium.payment.provider.base-url", network.baseUrl() + "/api/psp/v1")
        .with("emporium.payment.provider.call-timeout", "1s")
        .with("emporium.payment.reconcile.interval", "500ms")
        .with("emporium.payment.reconcile.stuck-after", stuckAfter.toMillis() + "ms")
        .start();
    bus.publish(order.placed());
    await().atMost(WITHIN).until(() -> "AWAITING_STOCK".equals(status(order)));
    db.execute(
        "UPDATE payments SET status = 'AUTHORIZING',"
            + " authorization_requested_at = now() - interval '1 minute',"
            + " updated_at = now() - interval '1 minute' WHERE order_id = '"
            + order.orderId()
            + "'");
    return order;
  }

  private void assertVoidedAtProviderAndHere(Orders order) {
    await().atMost(WITHIN).until(() -> network.authorizationsLanded() > 0);
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              assertThat(statusesAtProvider(order))
                  .as("the order's authorizations at the provider")
                  .containsExactly("VOIDED");
              assertThat(status(order)).isEqualTo("VOIDED");
              assertThat(ledgerKinds(order)).containsExactlyInAnyOrder("AUTHORIZATION", "VOID");
            });
  }

  private List<String> statusesAtProvider(Orders order) {
    return psp.payments(order.orderId()).stream().map(p -> p.get("status").asText()).toList();
  }

  private String status(Orders order) {
    return db.value("SELECT status FROM payments WHERE order_id = '" + order.orderId() + "'");
  }

  private List<String> ledgerKinds(Orders order) {
    return db.values(
        "SELECT e.kind FROM ledger_entries e JOIN payments p USING (payment_id)"
            + " WHERE p.order_id = '"
            + order.orderId()
            + "'");
  }
}
