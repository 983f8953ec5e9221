package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static io.emporium.e2e.Shop.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.emporium.e2e.OtlpReceiver.ReceivedSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One checkout is one trace: the services run with the OpenTelemetry agent (as in the cluster),
 * export to the suite's in-process OTLP receiver, and the checkout request's trace id (sent as a
 * W3C traceparent) is on every span from the HTTP request through each outbox, SNS publish and SQS
 * consume to the email.
 */
@ExtendWith(RunningShop.class)
class CheckoutTraceE2ETests {

  private static final Path DUMP = Path.of("target/checkout-trace.txt");

  @Test
  void oneCheckoutIsOneTraceThroughEveryService(Shop shop, OtlpReceiver traces) throws IOException {
    String customer = newCustomer();
    String sku = shop.productWithStock(5);
    shop.addToCart(customer, sku, 1).expect(200, 201);
    String traceId = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    String traceparent =
        "00-"
            + traceId
            + "-"
            + HexFormat.of().formatHex(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
            + "-01";

    String checkoutId =
        shop.checkout(customer, UUID.randomUUID().toString(), APPROVED_CARD, traceparent)
            .expect(202)
            .json()
            .get("checkoutId")
            .asText();
    JsonNode order = shop.awaitOutcome(customer, checkoutId);
    assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");

    List<ReceivedSpan> trace =
        await()
            .atMost(Shop.OUTCOME_WITHIN)
            .until(
                () -> traces.trace(traceId),
                spans ->
                    spans.stream()
                        .anyMatch(
                            s ->
                                "notification".equals(s.service())
                                    && s.name().contains("SendEmail")));
    dump(traces.trace(traceId));

    assertThat(trace)
        .extracting(ReceivedSpan::service)
        .contains("cart", "order", "catalog", "payment", "notification");
  }

  private static void dump(List<ReceivedSpan> spans) throws IOException {
    String text =
        spans.stream()
            .sorted(Comparator.comparingLong(ReceivedSpan::startNanos))
            .map(
                s ->
                    String.join(
                        " | ",
                        s.service(),
                        s.kind(),
                        s.name(),
                        s.spanId(),
                        s.parentSpanId(),
                        s.attributes().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", "))))
            .collect(Collectors.joining("\n"));
    Files.writeString(DUMP, text + "\n");
  }
}
