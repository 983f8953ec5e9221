package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.platform.testing.TestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logs in the cluster are JSON: notification runs here as the chart runs every service, with {@code
 * logging.structured.format.console=ecs} (the chart's LOGGING_STRUCTURED_FORMAT_CONSOLE), and the
 * line it writes for a handled event carries the trace id, span id, event id, event type and order
 * id as fields a log query can filter on.
 */
@ExtendWith(RunningShop.class)
class StructuredLogsE2ETests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIRMED = "order.OrderConfirmed.v1";

  @Test
  void aHandledEventIsOneJsonLineWithItsTraceAndEventFields(Shop shop) {
    TestUser customer = shop.newCustomer();
    String checkoutId = shop.buy(customer, shop.productWithStock(5), 1, APPROVED_CARD);
    String orderId = shop.awaitOutcome(customer, checkoutId).get("orderId").asText();
    Path log = shop.stack().settings().log(RunningShop.JSON_LOGS);

    Map<String, String> line =
        await()
            .atMost(Shop.OUTCOME_WITHIN)
            .until(() -> handledLine(log, orderId), found -> found != null);

    assertThat(line.get("event.type")).isEqualTo(CONFIRMED);
    assertThat(line.get("order.id")).isEqualTo(orderId);
    assertThat(line.get("event.id")).matches("[0-9a-f-]{36}");
    assertThat(line.get("message")).contains("eventId=" + line.get("event.id"));
    assertThat(traceField(line, "trace"))
        .as("trace id in %s", line)
        .matches("[0-9a-f]{32}")
        .isNotEqualTo("0".repeat(32));
    assertThat(line.get("message")).contains("traceId=" + traceField(line, "trace"));
    assertThat(traceField(line, "span")).as("span id in %s", line).matches("[0-9a-f]{16}");
  }

  /** The JSON line notification wrote when it handled the order's OrderConfirmed, flattened. */
  private static Map<String, String> handledLine(Path log, String orderId) throws IOException {
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).as("notification logs JSON").anyMatch(l -> l.startsWith("{"));
    for (String text : lines) {
      if (!text.startsWith("{")) {
        continue;
      }
      Map<String, String> line = flatten(text);
      if (String.valueOf(line.get("message")).startsWith("handling ")
          && CONFIRMED.equals(line.get("event.type"))
          && orderId.equals(line.get("order.id"))) {
        return line;
      }
    }
    return null;
  }

  /** {@code trace_id} (the agent's MDC key) or ECS's {@code trace.id}; the same for the span. */
  private static String traceField(Map<String, String> line, String kind) {
    return line.getOrDefault(kind + "_id", line.get(kind + ".id"));
  }

  /** A JSON object's fields by dotted path: {"event":{"id":1}} and {"event.id":1} alike. */
  private static Map<String, String> flatten(String text) throws JsonProcessingException {
    Map<String, String> fields = new LinkedHashMap<>();
    flatten("", JSON.readTree(text), fields);
    return fields;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> fields) {
    if (!node.isObject()) {
      fields.put(prefix, node.asText());
      return;
    }
    node.properties()
        .forEach(
            e ->
                flatten(
                    prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(),
                    fields));
  }
}
