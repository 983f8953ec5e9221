package io.emporium.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.dataschema.DataSchema;
import io.emporium.local.AwsClients;
import io.emporium.local.LocalProvisioning;
import io.emporium.local.MotoServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CartRecordsIntegrationTests {

  private static MotoServer moto;
  private static AwsClients aws;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    aws = AwsClients.emulator(moto.endpoint());
    LocalProvisioning.provision(aws, Queues.ENV);
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  @Test
  void tellsWhatTheCartKnowsOfACheckout() {
    DataSchema schema = DataSchema.load();
    String carts = schema.tableName(Queues.ENV, "carts");
    String outbox = schema.tableName(Queues.ENV, "cart-outbox");
    try (var dynamo = aws.dynamoDb();
        CartRecords records = new CartRecords(moto.endpoint())) {
      dynamo.putItem(
          b ->
              b.tableName(carts)
                  .item(
                      Map.of(
                          "pk", s("CUSTOMER#u-1"),
                          "status", s("CHECKED_OUT"),
                          "checkoutId", s("c-1"))));
      dynamo.putItem(
          b ->
              b.tableName(carts)
                  .item(
                      Map.of(
                          "pk", s("CHECKOUT#c-1"),
                          "status", s("CHECKED_OUT"),
                          "orderId", s("o-1"))));
      dynamo.putItem(
          b ->
              b.tableName(outbox)
                  .item(
                      Map.of(
                          "pk", s("OUTBOX#2"),
                          "sk", s("e-1"),
                          "payload", s("{\"data\":{\"checkoutId\":\"c-1\"}}"),
                          "attempts", AttributeValue.fromN("3"),
                          "nextAttemptAt", AttributeValue.fromN(Long.toString(Long.MAX_VALUE)),
                          "lastError", s("too large"))));

      assertThat(records.cart("u-1")).isEqualTo("CHECKED_OUT (checkout c-1)");
      assertThat(records.cart("u-2")).isEqualTo("no cart");
      assertThat(records.checkoutRecord("c-1")).isEqualTo("record CHECKED_OUT (order o-1)");
      assertThat(records.checkoutRecord("c-2")).isEqualTo("no record");
      assertThat(records.outboxItemsMentioning("c-1"))
          .extracting(Object::toString)
          .containsExactly("e-1 (attempts 3, next never: dead letter, last error too large)");
      assertThat(records.outboxItemsMentioning("c-2")).isEmpty();
      assertThat(records.outboxBacklog()).isEqualTo(1);
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
