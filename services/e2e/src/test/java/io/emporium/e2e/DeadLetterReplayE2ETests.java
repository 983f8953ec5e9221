package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.launcher.dlq.DlqCommand;
import io.emporium.platform.testing.TestUser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-call's whole story on the running shop: a consumer bug (the order service's fault switch)
 * sends real checkouts to the DLQ; {@code ./emporium dlq show} tells why; a dry run changes
 * nothing; a replay while the bug is still there ends and reports the failures; once the bug is
 * off, a replay completes every order exactly once; the audit names who did it.
 */
@ExtendWith(RunningShop.class)
class DeadLetterReplayE2ETests {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayE2ETests.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE = "cart.CartCheckedOut.v1";
  private static final String DLQ = "emporium-local-order-from-cart-dlq";
  private static final int CHECKOUTS = 4;

  @Test
  void aConsumerBugsDeadLettersAreReplayedAfterTheFixAndEachOrderCompletesOnce(Shop shop)
      throws Exception {
    Map<String, TestUser> checkouts = new LinkedHashMap<>(); // checkout id -> customer
    Map<String, String> skus =
        new LinkedHashMap<>(); // checkout id -> product (10 on hand, 2 bought)
    faults(shop, Set.of(TYPE));
    try {
      for (int i = 0; i < CHECKOUTS; i++) {
        TestUser customer = shop.newCustomer();
        String sku = shop.productWithStock(10);
        String checkoutId = shop.buy(customer, sku, 2, APPROVED_CARD);
        checkouts.put(checkoutId, customer);
        skus.put(checkoutId, sku);
      }

      JsonNode shown = awaitDeadLetters(shop, checkouts.keySet());
      assertThat(ours(shown, checkouts.keySet()))
          .allSatisfy(m -> assertThat(m.at("/failure/reason").asText()).contains("injected fault"));

      Run dryRun = dlq(shop, "replay", DLQ, "--type", TYPE, "--dry-run", "--json");
      assertThat(dryRun.code()).isZero();
      assertThat(JSON.readTree(dryRun.out()).get("count").asInt()).isEqualTo(CHECKOUTS);
      assertThat(ours(show(shop), checkouts.keySet())).hasSize(CHECKOUTS);
      checkouts.forEach(
          (id, customer) -> assertThat(shop.ordersOfCheckout(customer, id)).isEmpty());

      Run stillBroken = dlq(shop, "replay", DLQ, "--type", TYPE, "--await", "120s", "--json");
      JsonNode failed = JSON.readTree(stillBroken.out());
      log.info("replay while broken: {}", failed);
      assertThat(stillBroken.code()).isEqualTo(6);
      assertThat(failed.get("count").asInt()).isEqualTo(CHECKOUTS);
      assertThat(failed.get("failedAgain")).hasSize(CHECKOUTS);
    } finally {
      faults(shop, Set.of());
    }

    awaitDeadLetters(shop, checkouts.keySet());
    Run fixed = dlq(shop, "replay", DLQ, "--type", TYPE, "--json");
    assertThat(fixed.code()).isZero();
    assertThat(JSON.readTree(fixed.out()).get("count").asInt()).isEqualTo(CHECKOUTS);

    for (var checkout : checkouts.entrySet()) {
      JsonNode order = shop.awaitOutcome(checkout.getValue(), checkout.getKey());
      assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
      assertThat(shop.ordersOfCheckout(checkout.getValue(), checkout.getKey())).hasSize(1);
      String sku = skus.get(checkout.getKey());
      await()
          .atMost(Shop.OUTCOME_WITHIN)
          .untilAsserted(() -> assertThat(shop.stock(sku).get("onHand").asInt()).isEqualTo(8));
    }
    assertThat(ours(show(shop), checkouts.keySet())).isEmpty();

    JsonNode audit = JSON.readTree(dlq(shop, "audit", "--since", "1h", "--json").out());
    List<JsonNode> replays = new ArrayList<>();
    List<JsonNode> started = new ArrayList<>();
    audit.forEach(
        r -> {
          if (r.get("queue").asText().equals(DLQ)) {
            (r.get("action").asText().equals("replay-started") ? started : replays).add(r);
          }
        });
    assertThat(started).as("each replay is audited when it starts").hasSizeGreaterThanOrEqualTo(2);
    assertThat(replays).hasSizeGreaterThanOrEqualTo(2);
    assertThat(replays.subList(0, 2))
        .allSatisfy(
            r -> {
              assertThat(r.get("action").asText()).isEqualTo("replay");
              assertThat(r.get("who").asText()).startsWith("arn:aws:");
              assertThat(r.get("count").asInt()).isEqualTo(CHECKOUTS);
              assertThat(r.get("filter").asText()).isEqualTo("--type " + TYPE);
            });
  }

  private static JsonNode awaitDeadLetters(Shop shop, Set<String> checkoutIds) {
    return await()
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> show(shop), shown -> ours(shown, checkoutIds).size() == checkoutIds.size());
  }

  private static JsonNode show(Shop shop) throws Exception {
    Run run = dlq(shop, "show", DLQ, "--json");
    assertThat(run.code()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  /** The shown messages that are one of these checkouts. */
  private static List<JsonNode> ours(JsonNode shown, Set<String> checkoutIds) {
    List<JsonNode> ours = new ArrayList<>();
    for (JsonNode message : shown.get("messages")) {
      String body = message.at("/letter/body").asText();
      if (checkoutIds.stream().anyMatch(body::contains)) {
        ours.add(message);
      }
    }
    return ours;
  }

  @Test
  void theAdminApiOfMessagesIsForAdminsOnly(Shop shop) {
    String failures = "/api/order/admin/messages/failures?messageId=x";
    assertThat(shop.get(null, failures).status()).isEqualTo(401);
    assertThat(shop.get(shop.newCustomer(), failures).status()).isEqualTo(403);
    assertThat(shop.get(shop.admin(), failures).expect(200).json()).isEmpty();
    assertThat(shop.get(shop.newCustomer(), "/api/order/admin/faults/inbound").status())
        .isEqualTo(403);
  }

  private static void faults(Shop shop, Set<String> types) {
    shop.put(shop.admin(), "/api/order/admin/faults/inbound", Map.of("types", types)).expect(200);
  }

  private static Run dlq(Shop shop, String... args) throws java.io.IOException {
    Path token = Files.createTempFile("admin-token", "");
    Files.writeString(token, shop.admin().accessToken());
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--admin-token-file", token.toString()));
    all.addAll(
        List.of(
            "--endpoint", shop.stack().awsEndpoint().toString(),
            "--env", "local",
            "--api-url", shop.stack().edgeUrl().toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        DlqCommand.execute(
            all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
