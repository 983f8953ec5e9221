package io.emporium.payment.payments;

import static io.emporium.platform.web.ProblemExpectations.expectProblem;
import static org.awaitility.Awaitility.await;

import io.emporium.payment.EventBus;
import io.emporium.payment.Orders;
import io.emporium.payment.PaymentIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class PaymentApiIntegrationTests extends PaymentIntegrationTest {

  @Autowired WebTestClient web;

  private final EventBus bus = new EventBus();

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

    expectProblem(get(order.orderId(), "someone-else"), 404, "not-found", "/api/payment/payments");
  }

  @Test
  void unknownOrderIsNotFound() {
    expectProblem(get("ord-unknown", "cust-1"), 404, "not-found", "/api/payment/payments");
  }

  @Test
  void withoutCustomerHeaderIsUnauthorized() {
    var response = web.get().uri("/api/payment/payments?orderId=ord-1").exchange();

    expectProblem(response, 401, "unauthenticated", "/api/payment/payments");
  }

  @Test
  void startsAloneReadyWithItsApiDocs() {
    web.get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
    web.get()
        .uri("/api/payment/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/api/payment/payments']")
        .exists();
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
        .header("X-Customer-Id", customerId)
        .exchange();
  }
}
