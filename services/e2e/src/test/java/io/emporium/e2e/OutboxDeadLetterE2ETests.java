package io.emporium.e2e;

import static io.emporium.e2e.Shop.APPROVED_CARD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.dataschema.DataSchema;
import io.emporium.events.topology.Topology;
import io.emporium.launcher.dlq.DlqCommand;
import io.emporium.local.AwsClients;
import io.emporium.platform.messaging.dynamodb.DynamoDbOutbox;
import io.emporium.platform.messaging.dynamodb.DynamoDbOutboxTable;
import io.emporium.platform.testing.OutboxDeadLetterSeed;
import io.emporium.platform.testing.SampleOrder;
import io.emporium.platform.testing.TestUser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * On-call and a checkout the cart could never publish, on the running shop: {@code ./emporium dlq
 * list} shows it beside the DLQs (every producing service answers through the edge), {@code show}
 * tells why, a replay puts it back, and the order it carries completes once.
 */
@ExtendWith(RunningShop.class)
class OutboxDeadLetterE2ETests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aCheckoutTheCartCouldNotPublishIsReplayedAndItsOrderCompletes(Shop shop) throws Exception {
    TestUser customer = shop.newCustomer();
    String sku = shop.productWithStock(10);
    EventEnvelope stuck = deadLetteredCheckout(shop, customer, sku);
    String checkoutId = stuck.dataAs(CartCheckedOut.class).checkoutId();

    Run list = dlq(shop, "list", "--json");
    assertThat(list.code()).isZero();
    assertThat(list.err()).doesNotContain("unavailable");
    List<String> outboxes = new ArrayList<>();
    JSON.readTree(list.out())
        .forEach(
            row -> {
              if (row.get("dlq").asText().startsWith("outbox:"))
                outboxes.add(row.get("dlq").asText());
            });
    assertThat(outboxes)
        .contains("outbox:cart")
        .containsExactlyInAnyOrderElementsOf(
            Topology.load().producers().keySet().stream().map(s -> "outbox:" + s).toList());

    JsonNode shown = JSON.readTree(dlq(shop, "show", "outbox:cart", "--json").out());
    assertThat(shown.get("letters").toString())
        .contains(stuck.id().toString(), OutboxDeadLetterSeed.REASON);
    assertThat(shop.ordersOfCheckout(customer, checkoutId)).isEmpty();

    Run replay = dlq(shop, "replay", "outbox:cart", "--id", stuck.id().toString());

    assertThat(replay.code()).isZero();
    assertThat(shop.awaitOutcome(customer, checkoutId).get("status").asText())
        .isEqualTo("CONFIRMED");
    assertThat(shop.ordersOfCheckout(customer, checkoutId)).hasSize(1);
    assertThat(JSON.readTree(dlq(shop, "show", "outbox:cart", "--json").out()).toString())
        .doesNotContain(stuck.id().toString());
    assertThat(dlq(shop, "audit", "--since", "1h", "--ids").out())
        .contains("outbox:cart", stuck.id().toString());
  }

  /** A checkout of {@code sku} by {@code customer}, left in the cart's outbox as a dead letter. */
  private static EventEnvelope deadLetteredCheckout(Shop shop, TestUser customer, String sku) {
    JsonNode price = shop.get(null, "/api/catalog/products/" + sku).expect(200).json().get("price");
    Money unit = new Money(price.get("amountMinor").asLong(), price.get("currency").asText());
    CartCheckedOut checkout =
        SampleOrder.of(UUID.randomUUID().toString())
            .by(customer)
            .fromCart(UUID.randomUUID().toString())
            .withLines(new LineItem(sku, "Replayed", 2, unit))
            .paidWith(APPROVED_CARD)
            .checkedOut(UUID.randomUUID().toString());
    var clients = AwsClients.emulator(shop.stack().awsEndpoint());
    try (DynamoDbAsyncClient dynamo =
        DynamoDbAsyncClient.builder()
            .endpointOverride(clients.endpoint())
            .region(clients.region())
            .credentialsProvider(clients.credentials())
            .build()) {
      var table =
          new DynamoDbOutboxTable(
              DataSchema.load().tableName("local", "cart-outbox"),
              DynamoDbOutboxTable.DEFAULT_SHARDS);
      return OutboxDeadLetterSeed.dynamoDb(
          new DynamoDbOutbox(table, new EventCodec()), dynamo, checkout);
    }
  }

  private static Run dlq(Shop shop, String... args) throws java.io.IOException {
    Path token = Files.createTempFile("admin-token", "");
    Files.writeString(token, shop.admin().accessToken());
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--admin-token-file", token.toString(),
            "--endpoint", shop.stack().awsEndpoint().toString(),
            "--env", "local",
            "--api-url", shop.stack().edgeUrl().toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      int code =
          DlqCommand.execute(
              all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
      return new Run(code, out.toString(), err.toString());
    } finally {
      Files.deleteIfExists(token);
    }
  }

  private record Run(int code, String out, String err) {}
}
