package io.emporium.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.platform.testing.ServiceIntegrationTest;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import io.emporium.platform.testing.UpstreamEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The order service against the test JVM's emulator (topology provisioned) and PostgreSQL. Each
 * class gets its own context, closed afterwards, so no other context's listeners take its messages.
 */
@ServiceIntegrationTest(
    database = "order",
    properties = "emporium.order.status-poll-interval=500ms")
@AutoConfigureObservability(tracing = false) // tests export metrics: /actuator/prometheus
@DirtiesContext
public abstract class OrderIntegrationTest {

  protected final UpstreamEvents upstream = UpstreamEvents.forTestEmulator();
  protected final Downstream downstream = new Downstream();
  protected WebTestClient web;

  @Autowired private WebTestClient autowiredWeb;

  @BeforeEach
  void longerResponseTimeout() {
    web = autowiredWeb.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  /** The test pool's shopper called {@code name} (the same one for the same name in this JVM). */
  public static TestUser shopper(String name) {
    return TestUsers.forTestEnvironment().shopper(name);
  }

  /** The order as its customer (the shopper called {@code customer}) reads it (200 expected). */
  protected JsonNode order(String customer, String orderId) {
    return web.get()
        .uri("/api/order/orders/{id}", orderId)
        .headers(shopper(customer)::authorize)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  /** Waits until the order has {@code status}, then returns it. */
  protected JsonNode awaitStatus(String customerId, String orderId, String status) {
    return Awaitility.await()
        .atMost(Downstream.WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> order(customerId, orderId), o -> status.equals(o.path("status").asText()));
  }

  /** Publishes a checkout and returns the id of the order placed for it. */
  protected String place(String checkoutId, String customerId) {
    upstream.publish(Upstream.checkout(checkoutId, customerId));
    return downstream.placed(checkoutId).orderId();
  }

  protected static List<String> timeline(JsonNode order, String field) {
    List<String> values = new ArrayList<>();
    order.path("timeline").forEach(entry -> values.add(entry.path(field).asText()));
    return values;
  }
}
