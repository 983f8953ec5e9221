package io.emporium.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.EventEnvelope;
import io.emporium.events.EventFixtures;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.dynamodb.DynamoDbOutbox;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.OutboxDeadLetterSeed;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** The cart's DynamoDB outbox dead letters through {@code /api/cart/admin/messages/outbox}. */
class OutboxDeadLetterAdminIntegrationTests extends CartIntegrationTest {

  private static final String PATH = "/api/cart/admin/messages/outbox/dead-letters";

  @Autowired WebTestClient web;
  @Autowired DynamoDbOutbox outbox;
  @Autowired DynamoDbAsyncClient dynamo;

  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final String orderFromCart =
      Topology.load().subscription(EmulatedInfrastructure.ENV, "order", "cart").queue();

  @Test
  void adminsSeeACheckoutTheRelayGaveUpOnAndReplayItToTheOrderService() {
    probe.purge(orderFromCart);
    EventEnvelope stuck =
        OutboxDeadLetterSeed.dynamoDb(
            outbox,
            dynamo,
            EventFixtures.envelope("cart.CartCheckedOut.v1").dataAs(CartCheckedOut.class));
    TestUser admin = TestUsers.forTestEnvironment().newAdmin();
    TestUser shopper = TestUsers.forTestEnvironment().newShopper();

    web.get().uri(PATH).exchange().expectStatus().isUnauthorized();
    web.get().uri(PATH).headers(shopper::authorize).exchange().expectStatus().isForbidden();
    web.get()
        .uri(PATH)
        .headers(admin::authorize)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.outbox")
        .isEqualTo("outbox:cart")
        .jsonPath("$.store")
        .isEqualTo("dynamodb")
        .jsonPath("$.count")
        .isEqualTo(1)
        .jsonPath("$.letters[0].eventId")
        .isEqualTo(stuck.id().toString())
        .jsonPath("$.letters[0].lastError")
        .isEqualTo(OutboxDeadLetterSeed.REASON);

    web.post()
        .uri(PATH + "/replay")
        .headers(admin::authorize)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("types", List.of("cart.CartCheckedOut.v1")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.count")
        .isEqualTo(1);

    assertThat(
            probe.await(
                orderFromCart,
                m -> m.body().contains(stuck.id().toString()),
                1,
                Duration.ofSeconds(20)))
        .hasSize(1);
    web.get()
        .uri(PATH)
        .headers(admin::authorize)
        .exchange()
        .expectBody()
        .jsonPath("$.count")
        .isEqualTo(0);
  }
}
