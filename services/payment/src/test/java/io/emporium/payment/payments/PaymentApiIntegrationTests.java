package io.emporium.payment.payments;

import static io.emporium.platform.web.ProblemExpectations.expectProblem;
import static org.awaitility.Awaitility.await;

import io.emporium.payment.Orders;
import io.emporium.payment.PaymentIntegrationTest;
import io.emporium.platform.testing.EventBus;
import io.emporium.platform.testing.OpenApiEndpoints;
import io.emporium.platform.testing.TestUsers;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class PaymentApiIntegrationTests extends PaymentIntegrationTest {

  @Autowired WebTestClient web;

  @LocalServerPort int port;

  private final EventBus bus = new EventBus();
  private final TestUsers users = TestUsers.forTestEnvironment();

  @Test
  void showsTheCustomersPaymentWithItsLedger() {
    var order = authorized();

    get(order.orderId(), order.customerId())
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.paymentId")
        .isNotEmpty()
        .jsonPath("$.orderId")
        .isEqualTo(order.orderId())
        .jsonPath("$.status")
        .isEqualTo("AUTHORIZED")
        .jsonPath("$.amount.amountMinor")
        .isEqualTo(4998)
        .jsonPath("$.amount.currency")
        .isEqualTo("EUR")
        .jsonPath("$.ledger.length()")
        .isEqualTo(1)
        .jsonPath("$.ledger[0].entryId")
        .isNotEmpty()
        .jsonPath("$.ledger[0].kind")
        .isEqualTo("AUTHORIZATION")
        .jsonPath("$.ledger[0].amount.amountMinor")
        .isEqualTo(4998)
        .jsonPath("$.ledger[0].at")
        .isNotEmpty()
        .jsonPath("$.ledger[0].reference")
        .value(
            reference ->
                org.assertj.core.api.Assertions.assertThat((String) reference).startsWith("auth_"));
  }

  @Test
  void anotherCustomersPaymentIsNotFound() {
    var order = authorized();

    String someoneElse = users.newShopper().id();

    expectProblem(get(order.orderId(), someoneElse), 404, "not-found", "/api/payment/payments");
  }

  @Test
  void unknownOrderIsNotFound() {
    expectProblem(
        get("ord-unknown", users.newShopper().id()), 404, "not-found", "/api/payment/payments");
  }

  @Test
  void everyPaymentOperationNeedsAToken() {
    URI base = URI.create("http://127.0.0.1:" + port);
    var all = OpenApiEndpoints.of(base, "/api/payment/api-docs");

    org.assertj.core.api.Assertions.assertThat(all).isNotEmpty();
    org.assertj.core.api.Assertions.assertThat(OpenApiEndpoints.notRefusedWithoutToken(base, all))
        .isEmpty();
  }

  private Orders authorized() {
    var order = Orders.paidWith(Orders.APPROVES);
    bus.publish(order.placed());
    bus.publish(order.reserved());
    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () ->
                get(order.orderId(), order.customerId())
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("AUTHORIZED"));
    return order;
  }

  private WebTestClient.ResponseSpec get(String orderId, String customerId) {
    return web.get()
        .uri("/api/payment/payments?orderId={id}", orderId)
        .headers(users.withId(customerId)::authorize)
        .exchange();
  }
}
