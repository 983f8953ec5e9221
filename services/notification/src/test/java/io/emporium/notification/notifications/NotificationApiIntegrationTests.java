package io.emporium.notification.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emporium.events.Customer;
import io.emporium.notification.NotificationIntegrationTest;
import io.emporium.notification.Orders;
import io.emporium.platform.testing.EventBus;
import io.emporium.platform.testing.OpenApiEndpoints;
import io.emporium.platform.testing.SampleOrder;
import io.emporium.platform.testing.TestUsers;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

class NotificationApiIntegrationTests extends NotificationIntegrationTest {

  @Autowired WebTestClient web;
  @LocalServerPort int port;

  private final EventBus bus = new EventBus();

  @Test
  void inboxIsTheCustomersOwnNewestFirstAndPaginated() {
    Customer customer = Orders.newCustomer();
    Customer someoneElse = Orders.newCustomer();
    List<SampleOrder> orders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      var order = Orders.of(customer);
      orders.add(order);
      bus.publish(order.confirmed());
      awaitInboxSize(customer, i + 1); // one at a time, so "newest" is well defined
    }
    bus.publish(Orders.of(someoneElse).confirmed());
    awaitInboxSize(someoneElse, 1);

    inbox(customer, 0, 2)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.page")
        .isEqualTo(0)
        .jsonPath("$.size")
        .isEqualTo(2)
        .jsonPath("$.totalItems")
        .isEqualTo(3)
        .jsonPath("$.totalPages")
        .isEqualTo(2)
        .jsonPath("$.items.length()")
        .isEqualTo(2)
        .jsonPath("$.items[0].orderId")
        .isEqualTo(orders.get(2).orderId())
        .jsonPath("$.items[1].orderId")
        .isEqualTo(orders.get(1).orderId())
        .jsonPath("$.items[0].notificationId")
        .isNotEmpty()
        .jsonPath("$.items[0].template")
        .isEqualTo("order-confirmed")
        .jsonPath("$.items[0].subject")
        .isEqualTo("Your Emporium order " + orders.get(2).orderId() + " is confirmed")
        .jsonPath("$.items[0].channel")
        .isEqualTo("EMAIL")
        .jsonPath("$.items[0].recipient")
        .isEqualTo(customer.email())
        .jsonPath("$.items[0].status")
        .isEqualTo("SENT")
        .jsonPath("$.items[0].providerMessageId")
        .isNotEmpty()
        .jsonPath("$.items[0].createdAt")
        .isNotEmpty();
    inbox(customer, 1, 2)
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(1)
        .jsonPath("$.items[0].orderId")
        .isEqualTo(orders.get(0).orderId());
    inbox(someoneElse, 0, 20)
        .expectBody()
        .jsonPath("$.totalItems")
        .isEqualTo(1)
        .jsonPath("$.items[0].recipient")
        .isEqualTo(someoneElse.email());
  }

  @Test
  void emptyInboxForANewCustomer() {
    inbox(Orders.newCustomer(), 0, 20)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(0)
        .jsonPath("$.totalItems")
        .isEqualTo(0)
        .jsonPath("$.totalPages")
        .isEqualTo(0);
  }

  @Test
  void everyNotificationOperationNeedsAToken() {
    URI base = URI.create("http://127.0.0.1:" + port);
    var all = OpenApiEndpoints.of(base, "/api/notification/api-docs");

    assertThat(all).isNotEmpty();
    assertThat(OpenApiEndpoints.notRefusedWithoutToken(base, all)).isEmpty();
  }

  @Test
  void pageSizeOutOfRangeIsABadRequest() {
    inbox(Orders.newCustomer(), 0, 0).expectStatus().isBadRequest();
  }

  private void awaitInboxSize(Customer customer, int size) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                inbox(customer, 0, 20)
                    .expectBody()
                    .jsonPath("$.totalItems")
                    .isEqualTo(size)
                    .jsonPath("$.items[0].status")
                    .isEqualTo("SENT"));
  }

  private WebTestClient.ResponseSpec inbox(Customer customer, int page, int size) {
    return web.get()
        .uri("/api/notification/notifications?page={page}&size={size}", page, size)
        .headers(TestUsers.forTestEnvironment().withId(customer.id())::authorize)
        .exchange();
  }
}
