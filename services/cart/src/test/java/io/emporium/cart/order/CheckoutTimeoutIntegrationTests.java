package io.emporium.cart.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emporium.cart.CartClient;
import io.emporium.cart.CartIntegrationTest;
import io.emporium.platform.testing.SampleOrder;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import io.emporium.platform.testing.UpstreamEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Given a checkout whose order's outcome never arrives, expect the cart open again after the
 * checkout timeout, not CHECKED_OUT until it is abandoned (issue 14 defect 7).
 */
@TestPropertySource(properties = "emporium.cart.checkout-timeout=3s")
class CheckoutTimeoutIntegrationTests extends CartIntegrationTest {

  static final Duration WITHIN = Duration.ofSeconds(30);

  @Autowired WebTestClient web;
  @Autowired MeterRegistry meters;

  private final UpstreamEvents orders = UpstreamEvents.forTestEmulator();
  private final TestUser customer = TestUsers.forTestEnvironment().newShopper();
  private CartClient cart;

  @BeforeEach
  void setUp() {
    cart = new CartClient(web);
  }

  @Test
  void aCheckoutThatHearsNothingBackReopensTheCartWithItsLines() {
    String cartId = checkedOutCart("k1");
    assertThat(view().get("status")).isEqualTo("CHECKED_OUT");

    await()
        .atMost(WITHIN)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(view().get("status")).isEqualTo("OPEN"));

    var reopened = view();
    assertThat(reopened.get("cartId")).isEqualTo(cartId);
    assertThat(reopened.get("checkoutId")).isNull();
    assertThat((List<?>) reopened.get("lines")).hasSize(1);
    assertThat(meters.counter("emporium.cart.checkouts", "outcome", "expired").count())
        .isGreaterThanOrEqualTo(1);
    cart.checkout(customer, "k2", CartClient.checkoutBody()).expectStatus().isAccepted();
  }

  @Test
  void anOrderConfirmedThatArrivesAfterTheTimeoutStillClearsTheCart() {
    String cartId = checkedOutCart("k1");
    await()
        .atMost(WITHIN)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(view().get("status")).isEqualTo("OPEN"));

    orders.publish(order(cartId).confirmed());

    await()
        .atMost(WITHIN)
        .untilAsserted(() -> assertThat(view().get("cartId")).isNotEqualTo(cartId));
    assertThat((List<?>) view().get("lines")).isEmpty();
    assertThat(view().get("status")).isEqualTo("OPEN");
  }

  private String checkedOutCart(String key) {
    return cart.checkedOut(customer, "MUG-1", 2, key);
  }

  /** An order of the checked-out cart {@code cartId}, by this test's shopper. */
  private SampleOrder order(String cartId) {
    return SampleOrder.create().by(customer).fromCart(cartId);
  }

  private Map<?, ?> view() {
    return cart.view(customer);
  }
}
