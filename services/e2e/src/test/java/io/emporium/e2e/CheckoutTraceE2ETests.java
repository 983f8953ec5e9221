package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.e2e.OtlpReceiver.ReceivedSpan;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.TestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One checkout is one trace: the services run with the OpenTelemetry agent (as in the cluster),
 * export to the suite's in-process OTLP receiver, and the checkout request's trace id (sent as a
 * W3C traceparent) is on every span from the HTTP request through each outbox, SNS publish and SQS
 * consume (every subscriber of each event, as events-schema/topology.yaml lists them) to the email.
 */
@ExtendWith(RunningShop.class)
class CheckoutTraceE2ETests {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Path DUMP = Path.of("target/checkout-trace.txt");
  private static final Topology TOPOLOGY =
      Topology.load(
          Path.of("")
              .toAbsolutePath()
              .getParent()
              .getParent()
              .resolve("events-schema/topology.yaml"));

  /** The span id of the caller, in the traceparent the checkout request carries. */
  private static final String CALLER_SPAN = "0102030405060708";

  @Test
  void oneCheckoutIsOneTraceThroughEveryService(Shop shop, OtlpReceiver traces) throws IOException {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(5);
    shop.addToCartWhenCatalogAnswers(customer, sku, 1);
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String traceId = HexFormat.of().formatHex(id);
    String traceparent = "00-" + traceId + "-" + CALLER_SPAN + "-01";

    String checkoutId =
        shop.checkout(customer, UUID.randomUUID().toString(), APPROVED_CARD, traceparent)
            .expect(202)
            .json()
            .get("checkoutId")
            .asText();
    JsonNode order = shop.awaitOutcome(customer, checkoutId);
    assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");

    // Spans arrive as each service exports them (every 200 ms): check until the whole chain is in.
    try {
      await()
          .atMost(Shop.OUTCOME_WITHIN)
          .pollInterval(java.time.Duration.ofSeconds(1))
          .untilAsserted(() -> checkChain(new TraceView(traces.trace(traceId))));
    } finally {
      Files.writeString(DUMP, new TraceView(traces.trace(traceId)) + "\n");
    }
  }

  /**
   * The request, then each event of the saga in order: appended to its producer's outbox (in the
   * transaction its cause ran), published to SNS by the relay as a child of the append, consumed
   * from SQS by the next service as a child of the publish; the email inside the last consume.
   */
  private static void checkChain(TraceView trace) {
    // The HTTP request: the cart's checkout endpoint, under the caller's traceparent.
    ReceivedSpan request =
        trace
            .in("cart", s -> s.kind().equals("SERVER") && s.name().contains("/api/cart/checkout"))
            .getFirst();
    assertThat(request.parentSpanId()).isEqualTo(CALLER_SPAN);

    // Each event of the saga, in order: appended to its producer's outbox (in the transaction
    // that caused it), published to SNS by the relay, consumed from SQS by the next service.
    ReceivedSpan cause = request;
    long previousStart = request.startNanos();
    for (Hop hop : SAGA) {
      ReceivedSpan append = trace.append(hop.type());
      ReceivedSpan publish = trace.publish(hop.type());
      ReceivedSpan consumed = trace.consumed(hop.consumer(), publish);

      assertThat(append.service()).as(hop.type()).isEqualTo(hop.producer());
      assertThat(trace.descends(append, cause)).as(hop.type() + " appended by its cause").isTrue();
      assertThat(publish.service()).isEqualTo(hop.producer());
      assertThat(publish.parentSpanId())
          .as(hop.type() + " published after its append")
          .isEqualTo(append.spanId());
      assertThat(publish.attribute("messaging.destination.name"))
          .endsWith("-" + hop.producer() + "-events");
      assertThat(consumed.service()).isEqualTo(hop.consumer());
      assertThat(
              List.of(
                  previousStart, append.startNanos(), publish.startNanos(), consumed.startNanos()))
          .as(hop.type() + ": after its cause, appended, published, consumed, in order")
          .isSortedAccordingTo(Long::compare);
      assertEverySubscriberConsumed(trace, hop, publish);
      cause = consumed;
      previousStart = consumed.startNanos();
    }

    // The work at the end of the chain: the email, inside notification's handling of
    // OrderConfirmed.
    ReceivedSpan email = trace.in("notification", s -> s.name().contains("SendEmail")).getFirst();
    assertThat(trace.descends(email, cause))
        .as("the email is sent while handling OrderConfirmed")
        .isTrue();
    assertThat(trace.spans())
        .extracting(ReceivedSpan::service)
        .contains("cart", "order", "catalog", "payment", "notification");
    // The relays' polling stays out of it (each round runs outside any trace).
    assertThat(trace.spans())
        .extracting(ReceivedSpan::name)
        .noneMatch(name -> name.matches("SELECT \\w+\\.outbox"));
  }

  /**
   * Each service whose queue from the producer receives the event type (topology.yaml's consumers:
   * the subscription's filter policy) consumed this publish: a CONSUMER span of its own, a child of
   * the publish, in the one trace. The next hop's consumer is one of them.
   */
  private static void assertEverySubscriberConsumed(
      TraceView trace, Hop hop, ReceivedSpan publish) {
    List<String> subscribers = subscribers(hop.producer(), hop.type());
    assertThat(subscribers).as(hop.type() + " subscribers").contains(hop.consumer());
    for (String subscriber : subscribers) {
      ReceivedSpan consumed = trace.consumed(subscriber, publish);
      assertThat(consumed.startNanos())
          .as(subscriber + " consumed " + hop.type() + " after its publish")
          .isGreaterThanOrEqualTo(publish.startNanos());
    }
  }

  /** The consumers whose subscription to {@code producer} lets {@code type} through. */
  static List<String> subscribers(String producer, String type) {
    return TOPOLOGY.consumers().entrySet().stream()
        .filter(c -> c.getValue().getOrDefault(producer, List.of()).contains(type))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** One step of the confirmed checkout: who publishes which event, and who consumes it next. */
  private record Hop(String producer, String type, String consumer) {}

  private static final List<Hop> SAGA =
      List.of(
          new Hop("cart", "cart.CartCheckedOut.v1", "order"),
          new Hop("order", "order.OrderPlaced.v1", "catalog"),
          new Hop("catalog", "catalog.StockReserved.v1", "payment"),
          new Hop("payment", "payment.PaymentAuthorized.v1", "order"),
          new Hop("order", "order.OrderConfirmed.v1", "notification"));
}
