package io.emporium.order.orders;

import static io.emporium.order.Downstream.NOTIFICATION;
import static io.emporium.platform.web.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.events.EventIds;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.order.OrderIntegrationTest;
import io.emporium.order.PrometheusText;
import io.emporium.order.Upstream;
import io.emporium.platform.testing.OpenApiEndpoints;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** The HTTP contract of order 8083: list, one order with its timeline, its status stream. */
class OrderApiIntegrationTests extends OrderIntegrationTest {

  private static final int MAX_STREAMS = 5;

  @LocalServerPort int port;

  @Test
  void listsOnlyTheCustomersOrdersNewestFirstInPages() {
    String first = place("chk-list-1", "alice");
    place("chk-list-2", "alice");
    String newest = place("chk-list-3", "alice");
    place("chk-list-bob", "bob");

    JsonNode page0 = list("alice", "page=0&size=2");
    JsonNode page1 = list("alice", "page=1&size=2");

    assertThat(page0.path("totalItems").asLong()).isEqualTo(3);
    assertThat(page0.path("totalPages").asLong()).isEqualTo(2);
    assertThat(page0.path("page").asInt()).isZero();
    assertThat(page0.path("size").asInt()).isEqualTo(2);
    assertThat(ids(page0)).hasSize(2).first().isEqualTo(newest);
    assertThat(ids(page1)).containsExactly(first);
    assertThat(createdAt(page0)).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(list("bob", "").path("totalItems").asLong()).isEqualTo(1);
    assertThat(list("nobody", "").path("items")).isEmpty();
  }

  @Test
  void filtersTheListByCheckout() {
    String orderId = place("chk-filter", "carol");
    place("chk-filter-other", "carol");

    JsonNode found = list("carol", "checkoutId=chk-filter");

    assertThat(ids(found)).containsExactly(orderId);
    assertThat(found.path("items").get(0).path("checkoutId").asText()).isEqualTo("chk-filter");
    assertThat(list("dave", "checkoutId=chk-filter").path("totalItems").asLong()).isZero();
  }

  @Test
  void returnsTheOrderWithItsTimelineAndCountsTheOutcome() {
    String orderId = confirm("chk-detail", "erin");

    JsonNode order = awaitStatus("erin", orderId, "CONFIRMED");

    assertThat(order.path("orderId").asText()).isEqualTo(orderId);
    assertThat(order.path("checkoutId").asText()).isEqualTo("chk-detail");
    assertThat(order.path("email").asText()).isEqualTo(shopper("erin").email());
    assertThat(order.at("/shippingAddress/city").asText())
        .isEqualTo(Upstream.checkout("chk-detail", "erin").shippingAddress().city());
    assertThat(order.path("cancellation").isNull()).isTrue();
    assertThat(order.path("lines")).hasSize(2);
    assertThat(order.path("lines").get(0).path("lineTotal").path("amountMinor").asLong())
        .isEqualTo(2500);
    assertThat(order.path("total").path("currency").asText()).isEqualTo("EUR");
    assertThat(order.path("createdAt").asText()).isNotBlank();
    assertThat(order.path("updatedAt").asText()).isNotBlank();
    assertThat(timeline(order, "status")).containsExactly("PENDING", "STOCK_RESERVED", "CONFIRMED");
    assertThat(timeline(order, "at")).allSatisfy(at -> Instant.parse(at));
    assertThat(PrometheusText.value(prometheus(), "orders_completed_total", "confirmed"))
        .isGreaterThanOrEqualTo(1.0);
    assertThat(prometheus()).contains("orders_checkout_duration_seconds_count");
  }

  @Test
  void anUnknownOrSomeoneElsesOrderIsANotFoundProblem() {
    String orderId = place("chk-private", "frank");

    expectProblem(get("grace", "/api/order/orders/" + orderId), 404, "not-found");
    expectProblem(get("frank", "/api/order/orders/" + UUID.randomUUID()), 404, "not-found");
    expectProblem(get("frank", "/api/order/orders/not-an-id"), 404, "not-found");
    expectProblem(get("grace", "/api/order/orders/" + orderId + "/events"), 404, "not-found");
  }

  @Test
  void everyOrderOperationNeedsAToken() {
    URI base = URI.create("http://127.0.0.1:" + port);
    List<OpenApiEndpoints.Endpoint> all = OpenApiEndpoints.of(base, "/api/order/api-docs");

    assertThat(all).hasSizeGreaterThanOrEqualTo(3);
    assertThat(OpenApiEndpoints.notRefusedWithoutToken(base, all)).isEmpty();
  }

  @Test
  void aCustomerHoldsABoundedNumberOfOpenStatusStreams() {
    String orderId = place("chk-streams", "ivan");
    List<reactor.core.Disposable> open = new ArrayList<>();
    for (int i = 0; i < MAX_STREAMS; i++) {
      open.add(
          web.get()
              .uri("/api/order/orders/{id}/events", orderId)
              .headers(shopper("ivan")::authorize)
              .accept(MediaType.TEXT_EVENT_STREAM)
              .exchange()
              .expectStatus()
              .isOk()
              .returnResult(String.class)
              .getResponseBody()
              .subscribe());
    }

    expectProblem(
        get("ivan", "/api/order/orders/" + orderId + "/events"), 429, "too-many-requests");
    get("ivan", "/api/order/orders/" + orderId + "/events")
        .expectHeader()
        .valueEquals("Retry-After", "10");
    open.forEach(reactor.core.Disposable::dispose);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                web.get()
                    .uri("/api/order/orders/{id}/events", orderId)
                    .headers(shopper("ivan")::authorize)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class)
                    .getResponseBody()
                    .take(1)
                    .blockLast(Duration.ofSeconds(5)));
  }

  @Test
  void anOversizedPageIsAValidationProblemNamingTheField() {
    expectProblem(get("alice", "/api/order/orders?size=1000"), 400, "validation-failed")
        .jsonPath("$.errors[0].field")
        .value(field -> assertThat((String) field).contains("size"));
  }

  @Test
  void statusStreamSendsEachChangeUpToConfirmedThenCompletes() {
    String orderId = place("chk-stream", "heidi");

    var statuses =
        web.get()
            .uri("/api/order/orders/{id}/events", orderId)
            .headers(shopper("heidi")::authorize)
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
            .getResponseBody()
            .map(event -> event.data().path("status").asText());

    StepVerifier.create(statuses)
        .expectNext("PENDING")
        .then(() -> upstream.publish(Upstream.stockReserved(orderId)))
        .expectNext("STOCK_RESERVED")
        .then(() -> upstream.publish(Upstream.paymentAuthorized(orderId)))
        .expectNext("CONFIRMED")
        .expectComplete()
        .verify(Duration.ofSeconds(60));
  }

  @Test
  void aStreamOpenedBeforeTheOrderIsPlacedWaitsForIt() {
    String orderId = EventIds.next().toString();
    CompletableFuture.runAsync(
        () -> upstream.publish(Upstream.checkout("chk-early-stream", "judy", orderId)),
        CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));

    var changes =
        web.get()
            .uri("/api/order/orders/{id}/events", orderId)
            .headers(shopper("judy")::authorize)
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
            .getResponseBody()
            .map(ServerSentEvent::data);

    StepVerifier.create(changes)
        .assertNext(
            change -> {
              assertThat(change.path("orderId").asText()).isEqualTo(orderId);
              assertThat(change.path("status").asText()).isEqualTo("PENDING");
            })
        .then(() -> upstream.publish(Upstream.stockRejected(orderId)))
        .assertNext(
            change -> {
              assertThat(change.path("status").asText()).isEqualTo("CANCELLED");
              assertThat(change.at("/cancellation/code").asText()).isEqualTo("OUT_OF_STOCK");
              assertThat(change.at("/cancellation/message").asText()).isNotBlank();
            })
        .expectComplete()
        .verify(Duration.ofSeconds(60));
  }

  private String confirm(String checkoutId, String customerId) {
    String orderId = place(checkoutId, customerId);
    upstream.publish(Upstream.stockReserved(orderId));
    awaitStatus(customerId, orderId, "STOCK_RESERVED");
    upstream.publish(Upstream.paymentAuthorized(orderId));
    downstream.await(NOTIFICATION, OrderConfirmed.class, orderId);
    return orderId;
  }

  private JsonNode list(String customerId, String query) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                get(customerId, "/api/order/orders?" + query)
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody(),
            page -> page != null);
  }

  private WebTestClient.ResponseSpec get(String customer, String path) {
    return web.get().uri(path).headers(shopper(customer)::authorize).exchange();
  }

  private String prometheus() {
    return get("ops", "/actuator/prometheus")
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("orderId").asText()));
    return ids;
  }

  private static List<Instant> createdAt(JsonNode page) {
    List<Instant> times = new ArrayList<>();
    page.path("items").forEach(item -> times.add(Instant.parse(item.path("createdAt").asText())));
    return times;
  }
}
