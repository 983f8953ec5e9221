package io.emporium.cart.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emporium.cart.CartClient;
import io.emporium.cart.CartIntegrationTest;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.order.CancellationReason;
import io.emporium.platform.testing.SampleOrder;
import io.emporium.platform.testing.TestEnvironment;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import io.emporium.platform.testing.UpstreamEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

class OrderEventsIntegrationTests extends CartIntegrationTest {

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
  void orderConfirmedClearsTheCartIntoANewGeneration() {
    String cartId = checkedOutCart("k1");

    orders.publish(order(cartId).confirmed());

    await().atMost(WITHIN).untilAsserted(() -> assertThat(view().get("status")).isEqualTo("OPEN"));
    var cleared = view();
    assertThat(cleared.get("cartId")).isNotEqualTo(cartId);
    assertThat((List<?>) cleared.get("lines")).isEmpty();
    assertThat(cleared.get("checkoutId")).isNull();
    cart.add(customer, "MUG-1", 1).expectStatus().isOk(); // open for the next order
  }

  @Test
  void orderCancelledReopensTheSameCartForANewCheckout() {
    String cartId = checkedOutCart("k1");

    orders.publish(order(cartId).cancelled(CancellationReason.OUT_OF_STOCK, "MUG-1 short"));

    await().atMost(WITHIN).untilAsserted(() -> assertThat(view().get("status")).isEqualTo("OPEN"));
    var reopened = view();
    assertThat(reopened.get("cartId")).isEqualTo(cartId);
    assertThat(reopened.get("checkoutId")).isNull();
    assertThat((List<?>) reopened.get("lines")).hasSize(1);
    cart.checkout(customer, "k2", CartClient.checkoutBody()).expectStatus().isAccepted();
  }

  @Test
  void aDuplicatedEventIsAppliedOnce() {
    String cartId = checkedOutCart("k1");
    EventEnvelope cancellation =
        EventEnvelope.of(order(cartId).cancelled(CancellationReason.OUT_OF_STOCK, "MUG-1 short"));
    orders.publish(cancellation);
    await().atMost(WITHIN).untilAsserted(() -> assertThat(view().get("status")).isEqualTo("OPEN"));
    // checked out again: the same cart generation is CHECKED_OUT, as when the event first came
    cart.checkout(customer, "k2", CartClient.checkoutBody()).expectStatus().isAccepted();
    double duplicatesBefore = duplicates();

    orders.publish(cancellation); // redelivered

    await().atMost(WITHIN).until(() -> duplicates() > duplicatesBefore);
    assertThat(view().get("status")).isEqualTo("CHECKED_OUT");
  }

  @Test
  void anEventForAnotherCartGenerationIsIgnored() {
    String cartId = checkedOutCart("k1");
    double handledBefore = handled("order.OrderConfirmed.v1");

    orders.publish(order(UUID.randomUUID().toString()).confirmed());

    await().atMost(WITHIN).until(() -> handled("order.OrderConfirmed.v1") > handledBefore);
    var unchanged = view();
    assertThat(unchanged.get("status")).isEqualTo("CHECKED_OUT");
    assertThat(unchanged.get("cartId")).isEqualTo(cartId);
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

  private double duplicates() {
    var counter = meters.find("emporium.events.duplicates").counter();
    return counter == null ? 0 : counter.count();
  }

  private double handled(String type) {
    var counter =
        meters
            .find("emporium.events.consumed")
            .tag("outcome", "handled")
            .tag("type", type)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aDeadLetterIsShownWithItsReasonAndPurgedWithAnAuditThroughTheAdminApiOfAdminsOnly() {
    String dlq = "emporium-test-cart-from-order-dlq";
    String body = "{\"poison\":\"" + UUID.randomUUID() + "\"}";
    orders.publishRaw("order.OrderConfirmed.v1", body);
    TestUser admin = TestUsers.forTestEnvironment().newAdmin();

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                web.get()
                    .uri("/api/cart/admin/messages/dead-letters/" + dlq)
                    .headers(admin::authorize)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.deadLetters.letters[?(@.body == '%s')]".formatted(body))
                    .exists()
                    .jsonPath("$.failures[?(@.reason =~ /.*[Mm]alformed.*/)]")
                    .exists());
    web.get()
        .uri("/api/cart/admin/messages/dead-letters/" + dlq)
        .headers(customer::authorize)
        .exchange()
        .expectStatus()
        .isForbidden();
    web.get()
        .uri("/api/cart/admin/messages/dead-letters/" + dlq)
        .exchange()
        .expectStatus()
        .isUnauthorized();
    web.get()
        .uri("/api/cart/admin/messages/dead-letters/emporium-test-order-from-cart-dlq")
        .headers(admin::authorize)
        .exchange()
        .expectStatus()
        .isNotFound();

    String messageId =
        ((Map<?, ?>)
                deadLetters(admin, dlq).stream()
                    .filter(l -> body.equals(((Map<?, ?>) l).get("body")))
                    .findFirst()
                    .orElseThrow())
            .get("messageId")
            .toString();
    web.post()
        .uri("/api/cart/admin/messages/dead-letters/" + dlq + "/purge")
        .headers(customer::authorize)
        .bodyValue(Map.of("ids", List.of(messageId), "confirm", true))
        .exchange()
        .expectStatus()
        .isForbidden();
    web.post()
        .uri("/api/cart/admin/messages/dead-letters/" + dlq + "/purge")
        .headers(admin::authorize)
        .bodyValue(Map.of("ids", List.of(messageId), "confirm", true))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.deleted.length()")
        .isEqualTo(1);
    assertThat(deadLetters(admin, dlq))
        .noneSatisfy(l -> assertThat(((Map<?, ?>) l).get("messageId")).isEqualTo(messageId));
    audit(admin)
        .jsonPath(
            "$[?(@.action == 'purge' && @.queue == '%s' && @.ids[0] == '%s')].who"
                .formatted(dlq, messageId))
        .isEqualTo(List.of("token:" + admin.id()));
  }

  @Test
  void aDeadLetterIsReplayedThroughTheAdminApiByAdminsOnlyAndAuditedWithTheTokenSubject() {
    String dlq = "emporium-test-cart-from-order-dlq";
    String cartId = checkedOutCart("k1");
    EventEnvelope confirmed = EventEnvelope.of(order(cartId).confirmed());
    deadLetter(dlq, confirmed);
    TestUser admin = TestUsers.forTestEnvironment().newAdmin();
    Map<String, Object> replay =
        Map.of("ids", List.of(confirmed.id().toString()), "limit", 0, "rate", 0, "dryRun", false);

    web.get()
        .uri("/api/cart/admin/messages/dead-letters")
        .headers(admin::authorize)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.dlq == '%s')].consumer".formatted(dlq))
        .isEqualTo(List.of("cart"))
        .jsonPath("$[*].consumer")
        .value((List<?> consumers) -> assertThat(consumers).isNotEmpty().allMatch("cart"::equals));
    web.get()
        .uri("/api/cart/admin/messages/dead-letters")
        .headers(customer::authorize)
        .exchange()
        .expectStatus()
        .isForbidden();
    web.post()
        .uri("/api/cart/admin/messages/dead-letters/" + dlq + "/replay")
        .headers(customer::authorize)
        .bodyValue(replay)
        .exchange()
        .expectStatus()
        .isForbidden();
    assertThat(view().get("status")).isEqualTo("CHECKED_OUT"); // the refused call moved nothing

    web.post()
        .uri("/api/cart/admin/messages/dead-letters/" + dlq + "/replay")
        .headers(admin::authorize)
        .bodyValue(replay)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.count")
        .isEqualTo(1)
        .jsonPath("$.moved[0].eventId")
        .isEqualTo(confirmed.id().toString());

    await().atMost(WITHIN).untilAsserted(() -> assertThat(view().get("status")).isEqualTo("OPEN"));
    audit(admin)
        .jsonPath(
            "$[?(@.queue == '%s' && @.filter == '--id %s')].who".formatted(dlq, confirmed.id()))
        .isEqualTo(List.of("token:" + admin.id(), "token:" + admin.id()))
        .jsonPath(
            "$[?(@.queue == '%s' && @.filter == '--id %s')].action".formatted(dlq, confirmed.id()))
        .isEqualTo(List.of("replay", "replay-started"))
        .jsonPath(
            "$[?(@.action == 'replay' && @.filter == '--id %s')].count".formatted(confirmed.id()))
        .isEqualTo(List.of(1));
  }

  /** The audit of the last hour, read as {@code admin}. */
  private WebTestClient.BodyContentSpec audit(TestUser admin) {
    return web.get()
        .uri("/api/cart/admin/messages/audit?since=PT1H")
        .headers(admin::authorize)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  /** Puts {@code envelope} into {@code dlq} as SQS's redrive leaves a message there. */
  private static void deadLetter(String dlq, EventEnvelope envelope) {
    var sqs = TestEnvironment.aws().clients().sqs();
    String url = sqs.getQueueUrl(b -> b.queueName(dlq)).queueUrl();
    sqs.sendMessage(
        b ->
            b.queueUrl(url)
                .messageBody(new EventCodec().encode(envelope))
                .messageAttributes(
                    Map.of(
                        "type",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(envelope.type())
                            .build())));
  }

  private List<?> deadLetters(TestUser admin, String dlq) {
    Map<?, ?> shown =
        web.get()
            .uri("/api/cart/admin/messages/dead-letters/" + dlq)
            .headers(admin::authorize)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (List<?>) ((Map<?, ?>) shown.get("deadLetters")).get("letters");
  }
}
