package io.emporium.psp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emporium.platform.testing.TestPaymentProvider;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's jar as its own process on PostgreSQL, called over HTTP as a merchant would. */
class PspApiIntegrationTests {

  private static final String APPROVES = "tok_4242424242424242";
  private static final String SLOW = "tok_4000000000000044";
  private static final String ERROR = "tok_4000000000000119";

  private final TestPaymentProvider psp = TestPaymentProvider.shared();
  private final PspClient client = new PspClient(psp);

  @Test
  void approvesTheSuccessCardAndAnswersTheSameKeyWithTheSamePayment() {
    String key = key();
    String order = order();

    var first = client.authorize(key, APPROVES, 4998, order);
    var again = client.authorize(key, APPROVES, 4998, order);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("status").asText()).isEqualTo("AUTHORIZED");
    assertThat(first.json().get("authorizationCode").asText()).startsWith("auth_");
    assertThat(first.json().get("paymentId").asText()).startsWith("pay_");
    assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(psp.payments(order)).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "tok_4000000000000002, card_declined",
    "tok_4000000000009995, insufficient_funds",
    "tok_4111111111111111, invalid_payment_method"
  })
  void declinesTheOtherCardsWithTheirReason(String token, String reason) {
    var reply = client.authorize(key(), token, 4998, order());

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("status").asText()).isEqualTo("DECLINED");
    assertThat(reply.json().get("declineCode").asText()).isEqualTo(reason);
    assertThat(reply.json().get("declineMessage").asText()).isNotBlank();
    assertThat(reply.json().has("authorizationCode")).isFalse();
  }

  @Test
  void declinesAmountsAboveTheLimit() {
    var reply = client.authorize(key(), APPROVES, 1_000_001, order());

    assertThat(reply.json().get("declineCode").asText()).isEqualTo("amount_limit");
  }

  @Test
  void theSameKeyAnswersTheSameAfterTheSimulatorIsKilledAndRestarted() {
    String key = key();
    String order = order();
    var first = client.authorize(key, APPROVES, 4998, order);

    psp.restart();

    var again = client.authorize(key, APPROVES, 4998, order);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().get("paymentId")).isEqualTo(first.json().get("paymentId"));
    assertThat(psp.payments(order)).hasSize(1);
  }

  @Test
  void aKeyReusedWithAnotherRequestIsRefused() {
    String key = key();
    client.authorize(key, APPROVES, 4998, order());

    var reused = client.authorize(key, APPROVES, 5000, order());

    expectProblem(reused, 422, "idempotency-key-reused");
  }

  @Test
  void concurrentRequestsWithOneKeyAuthorizeOnce() {
    String key = key();
    String order = order();

    var replies =
        IntStream.range(0, 6)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> client.authorize(key, APPROVES, 4998, order)))
            .toList()
            .stream()
            .map(CompletableFuture::join)
            .toList();

    assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
    assertThat(replies.stream().map(r -> r.json().get("paymentId").asText()).distinct()).hasSize(1);
    assertThat(psp.payments(order)).hasSize(1);
  }

  @Test
  void theErrorCardFailsWithA500ProblemAndRecordsNothing() {
    String key = key();

    var reply = client.authorize(key, ERROR, 4998, order());

    expectProblem(reply, 500, "processing-error");
    expectProblem(client.get("/api/psp/v1/payments/by-idempotency-key/" + key), 404, "not-found");
    expectProblem(client.authorize(key, ERROR, 4998, order()), 500, "processing-error");
  }

  @Test
  void theSlowCardHoldsAtOnceButAnswersLate() throws Exception {
    String key = key();
    String order = order();
    long started = System.nanoTime();

    var answer = CompletableFuture.supplyAsync(() -> client.authorize(key, SLOW, 4998, order));

    // Held as soon as it arrives (however long the busy machine takes to deliver it), answered
    // only SLOW_ANSWER later: found by its key while the caller still waits.
    var lookedUp =
        await()
            .atMost(TestPaymentProvider.SLOW_ANSWER)
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> client.get("/api/psp/v1/payments/by-idempotency-key/" + key),
                found -> found.status() == 200);
    assertThat(answer).isNotDone();
    assertThat(lookedUp.json().get("status").asText()).isEqualTo("AUTHORIZED");
    var reply = answer.get();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(TestPaymentProvider.SLOW_ANSWER);
    assertThat(reply.json().get("paymentId")).isEqualTo(lookedUp.json().get("paymentId"));
  }

  @Test
  void capturesOnceAndRefundsAfterCapture() {
    String paymentId = authorized();
    String captureKey = key();

    var captured = client.operate(paymentId, "capture", captureKey);
    var again = client.operate(paymentId, "capture", captureKey);
    var voidAfterCapture = client.operate(paymentId, "void", key());
    var refunded = client.operate(paymentId, "refund", key());

    assertThat(captured.status()).isEqualTo(200);
    assertThat(captured.json().get("status").asText()).isEqualTo("CAPTURED");
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    expectProblem(voidAfterCapture, 409, "invalid-state");
    assertThat(refunded.json().get("status").asText()).isEqualTo("REFUNDED");
  }

  @Test
  void voidsAnAuthorizationOnceAndThenCannotCaptureIt() {
    String paymentId = authorized();
    String voidKey = key();

    var voided = client.operate(paymentId, "void", voidKey);
    var again = client.operate(paymentId, "void", voidKey);

    assertThat(voided.json().get("status").asText()).isEqualTo("VOIDED");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("VOIDED");
    expectProblem(client.operate(paymentId, "capture", key()), 409, "invalid-state");
    assertThat(client.get("/api/psp/v1/payments/" + paymentId).json().get("status").asText())
        .isEqualTo("VOIDED");
  }

  @Test
  void unknownPaymentsAreNotFound() {
    expectProblem(client.operate("pay_unknown", "void", key()), 404, "not-found");
    expectProblem(client.get("/api/psp/v1/payments/pay_unknown"), 404, "not-found");
  }

  @Test
  void refusesCallsWithoutTheSecretKey() {
    var reply =
        client.send(
            HttpRequest.newBuilder(psp.baseUrl().resolve("/api/psp/v1/payments?reference=x")));

    expectProblem(reply, 401, "unauthenticated");
  }

  @Test
  void refusesAPostWithoutAnIdempotencyKey() {
    expectProblem(client.authorize(null, APPROVES, 4998, order()), 400, "idempotency-key-required");
  }

  @Test
  void namesTheInvalidFields() {
    var reply =
        client.post(
            "/api/psp/v1/authorizations",
            key(),
            "{\"paymentMethodToken\":\"\",\"amount\":{\"amountMinor\":-1,\"currency\":\"eur\"}}");

    expectProblem(reply, 400, "validation-failed");
    assertThat(reply.json().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("paymentMethodToken", "amount.amountMinor", "amount.currency");
  }

  @Test
  void servesHealthMetricsAndApiDocsWithoutTheKey() {
    var open = new PspClient(psp);
    for (String path :
        new String[] {"/actuator/health/readiness", "/actuator/prometheus", "/api/psp/api-docs"}) {
      var reply = open.send(HttpRequest.newBuilder(psp.baseUrl().resolve(path)));
      assertThat(reply.status()).as(path).isEqualTo(200);
    }
    var docs = open.send(HttpRequest.newBuilder(psp.baseUrl().resolve("/api/psp/api-docs")));
    assertThat(docs.json().at("/paths").has("/api/psp/v1/authorizations")).isTrue();
  }

  private String authorized() {
    return client.authorize(key(), APPROVES, 4998, order()).json().get("paymentId").asText();
  }

  private static void expectProblem(PspClient.Reply reply, int status, String slug) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("type").asText())
        .isEqualTo("https://psp.emporium.io/problems/" + slug);
    assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    assertThat(reply.json().get("detail").asText()).isNotBlank();
  }

  private static String key() {
    return "key-" + UUID.randomUUID();
  }

  private static String order() {
    return "ord-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
