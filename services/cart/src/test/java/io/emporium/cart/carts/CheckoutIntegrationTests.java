package io.emporium.cart.carts;

import static io.emporium.platform.web.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.cart.CartClient;
import io.emporium.cart.CartIntegrationTest;
import io.emporium.events.EventCodec;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import io.emporium.platform.testing.TestEnvironment;
import io.emporium.platform.testing.TestUser;
import io.emporium.platform.testing.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

class CheckoutIntegrationTests extends CartIntegrationTest {

  static final String ORDER_FROM_CART =
      Topology.load().subscription(EmulatedInfrastructure.ENV, "order", "cart").queue();
  static final Duration WITHIN = Duration.ofSeconds(20);

  @Autowired WebTestClient web;

  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final EventCodec codec = new EventCodec();
  private final TestUser customer = TestUsers.forTestEnvironment().newShopper();
  private final String key = UUID.randomUUID().toString();
  private CartClient cart;

  @BeforeEach
  void setUp() {
    cart = new CartClient(web);
    catalog.product("MUG-1", "Mug", 1250);
    catalog.product("TEE-2", "T-shirt", 2000);
    probe.drainUntilEmpty(ORDER_FROM_CART);
  }

  @Test
  void checkoutPublishesCartCheckedOutWithTheLinesTotalAndCustomer() {
    cart.add(customer, "MUG-1", 2).expectStatus().isOk();
    cart.add(customer, "TEE-2", 1).expectStatus().isOk();
    String cartId = cartId();

    var accepted = checkout(key);

    assertThat(accepted.get("cartId")).isEqualTo(cartId);
    assertThat(accepted.get("status")).isEqualTo("CHECKED_OUT");
    var messages = probe.await(ORDER_FROM_CART, 1, WITHIN);
    assertThat(messages).hasSize(1);
    var envelope = codec.decode(messages.getFirst().body());
    var event = envelope.dataAs(CartCheckedOut.class);
    assertThat(envelope.subject()).isEqualTo(cartId);
    assertThat(event.checkoutId()).isEqualTo(accepted.get("checkoutId"));
    assertThat(event.cartId()).isEqualTo(cartId);
    assertThat(event.customer().id()).isEqualTo(customer.id());
    assertThat(event.customer().email()).isEqualTo(customer.email());
    assertThat(event.lines())
        .containsExactly(
            new LineItem("MUG-1", "Mug", 2, new Money(1250, "EUR")),
            new LineItem("TEE-2", "T-shirt", 1, new Money(2000, "EUR")));
    assertThat(event.total()).isEqualTo(new Money(4500, "EUR"));
    assertThat(event.shippingAddress().country()).isEqualTo("GB");
    assertThat(event.paymentMethodToken()).isEqualTo("tok_visa");
    assertThat(event.orderId()).isEqualTo(accepted.get("orderId"));
    assertThat(UUID.fromString(event.orderId()).version()).isEqualTo(7);
    assertThat(messages.getFirst().messageAttributes().get("type").stringValue())
        .isEqualTo("cart.CartCheckedOut.v1");
  }

  @Test
  void theSameIdempotencyKeyAnswersTheSameBodyAndPublishesOnce() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();

    var first = checkout(key);
    var second = checkout(key);

    assertThat(second).isEqualTo(first);
    assertThat(first.get("orderId")).isNotNull();
    var messages = probe.awaitAtLeast(ORDER_FROM_CART, 1, WITHIN);
    messages.addAll(probe.drain(ORDER_FROM_CART, Duration.ofSeconds(2)));
    assertThat(messages).hasSize(1);
  }

  @Test
  void theAnswerNamesTheOrderToFollowAtOnce() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();

    var response =
        cart.checkout(customer, key, CartClient.checkoutBody())
            .expectStatus()
            .isAccepted()
            .expectBody(Map.class)
            .returnResult();

    String orderId = (String) response.getResponseBody().get("orderId");
    assertThat(response.getResponseHeaders().getLocation())
        .hasToString("/api/order/orders/" + orderId);
  }

  @Test
  void aCheckedOutCartRefusesChangesAndAnotherCheckout() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();
    checkout(key);

    expectProblem(cart.add(customer, "TEE-2", 1), 409)
        .jsonPath("$.cartStatus")
        .isEqualTo("CHECKED_OUT");
    expectProblem(cart.put(customer, "MUG-1", 3), 409);
    expectProblem(cart.checkout(customer, "another-key", CartClient.checkoutBody()), 409);
    cart.get(customer)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("CHECKED_OUT")
        .jsonPath("$.lines[0].quantity")
        .isEqualTo(1);
  }

  @Test
  void anEmptyCartCannotBeCheckedOut() {
    expectProblem(cart.checkout(customer, key, CartClient.checkoutBody()), 422);
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();
    cart.client()
        .delete()
        .uri("/api/cart/items/MUG-1")
        .headers(customer::authorize)
        .exchange()
        .expectStatus()
        .isOk();
    expectProblem(cart.checkout(customer, key, CartClient.checkoutBody()), 422);
    assertThat(probe.drain(ORDER_FROM_CART, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void aPriceChangeIsWrittenToTheCartAndAnsweredWithAConflictListingIt() {
    cart.add(customer, "MUG-1", 2).expectStatus().isOk();
    cart.add(customer, "TEE-2", 1).expectStatus().isOk();
    catalog.product("MUG-1", "Mug", 1400);
    catalog.remove("TEE-2");

    expectProblem(cart.checkout(customer, key, CartClient.checkoutBody()), 409)
        .jsonPath("$.changes.length()")
        .isEqualTo(2)
        .jsonPath("$.changes[?(@.sku == 'MUG-1')].change")
        .isEqualTo(List.of("PRICE_CHANGED"))
        .jsonPath("$.changes[?(@.sku == 'MUG-1')].previousPrice.amountMinor")
        .isEqualTo(List.of(1250))
        .jsonPath("$.changes[?(@.sku == 'MUG-1')].currentPrice.amountMinor")
        .isEqualTo(List.of(1400))
        .jsonPath("$.changes[?(@.sku == 'TEE-2')].change")
        .isEqualTo(List.of("REMOVED"));
    cart.get(customer)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("OPEN")
        .jsonPath("$.lines.length()")
        .isEqualTo(1)
        .jsonPath("$.lines[0].unitPrice.amountMinor")
        .isEqualTo(1400)
        .jsonPath("$.total.amountMinor")
        .isEqualTo(2800);
    assertThat(probe.drain(ORDER_FROM_CART, Duration.ofSeconds(1))).isEmpty();

    checkout(key); // the shopper confirms the new price
    var event =
        codec
            .decode(probe.await(ORDER_FROM_CART, 1, WITHIN).getFirst().body())
            .dataAs(CartCheckedOut.class);
    assertThat(event.total()).isEqualTo(new Money(2800, "EUR"));
  }

  @Test
  void checkoutWithoutIdempotencyKeyIsRefusedAndChangesNothing() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();

    expectProblem(
            cart.client()
                .post()
                .uri("/api/cart/checkout")
                .headers(customer::authorize)
                .bodyValue(CartClient.checkoutBody())
                .exchange(),
            400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("Idempotency-Key");
    cart.get(customer).expectBody().jsonPath("$.status").isEqualTo("OPEN");
  }

  @Test
  void checkoutFieldsAreValidatedAndNothingChanges() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();
    var address = new java.util.HashMap<>(CartClient.ADDRESS);
    address.put("country", "Britain");
    address.remove("city");

    expectProblem(
            cart.checkout(
                customer, key, Map.of("email", "not-an-email", "shippingAddress", address)),
            400)
        .jsonPath("$.errors[*].field")
        .value(
            fields ->
                assertThat((List<Object>) fields)
                    .contains(
                        "shippingAddress.country", "shippingAddress.city", "paymentMethodToken")
                    .doesNotContain("email"));
    cart.get(customer).expectBody().jsonPath("$.status").isEqualTo("OPEN");
    assertThat(probe.drain(ORDER_FROM_CART, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void theOrdersEmailIsTheAccountsNeverOneTheRequestNames() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();
    Map<String, Object> body = new java.util.HashMap<>(CartClient.checkoutBody());
    body.put("email", "victim@example.org");

    cart.checkout(customer, key, body).expectStatus().isAccepted();

    var event =
        codec
            .decode(probe.await(ORDER_FROM_CART, 1, WITHIN).getFirst().body())
            .dataAs(CartCheckedOut.class);
    assertThat(event.customer().email())
        .isEqualTo(customer.email())
        .isNotEqualTo("victim@example.org");
  }

  @Test
  void aSignedOutSessionCannotCheckOut() {
    cart.add(customer, "MUG-1", 1).expectStatus().isOk();
    try (var cognito = TestEnvironment.cognito().clients().cognito()) {
      cognito.globalSignOut(b -> b.accessToken(customer.accessToken()));
    }

    expectProblem(cart.checkout(customer, key, CartClient.checkoutBody()), 401);
    cart.get(customer).expectBody().jsonPath("$.status").isEqualTo("OPEN");
    assertThat(probe.drain(ORDER_FROM_CART, Duration.ofSeconds(1))).isEmpty();
  }

  private Map<?, ?> checkout(String idempotencyKey) {
    return cart.checkout(customer, idempotencyKey, CartClient.checkoutBody())
        .expectStatus()
        .isAccepted()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private String cartId() {
    return (String)
        cart.get(customer).expectBody(Map.class).returnResult().getResponseBody().get("cartId");
  }
}
