package io.emporium.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CapacityUnitsTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[] b(String json) {
    return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sizesFollowDynamoDbsRules() throws Exception {
    // "pk"(2) + "CUSTOMER#1"(10); "version"(7) + N 12 (1 + 1); "lines"(5) + M{ "A"(1) + N 1 (2) + 1
    // } (3 + 4)
    String item = "{'pk':{'S':'CUSTOMER#1'},'version':{'N':'12'},'lines':{'M':{'A':{'N':'1'}}}}";

    assertThat(ItemSize.of(JSON.readTree(b(item)))).isEqualTo(12 + 9 + 12);
    assertThat(ItemSize.number("1000")).isEqualTo(2); // trailing zeros are not significant
    assertThat(ItemSize.number("123456")).isEqualTo(4);
  }

  @Test
  void aConsistentGetOfASmallItemIsOneReadUnitAndAnEventuallyConsistentOneHalf() {
    CapacityUnits units = new CapacityUnits();
    byte[] response = b("{'Item':{'pk':{'S':'x'}}}");

    assertThat(
            units.of(
                "GetItem",
                b("{'TableName':'t','Key':{'pk':{'S':'x'}},'ConsistentRead':true}"),
                200,
                response))
        .isEqualTo(new CapacityUnits.Units(1, 0));
    assertThat(units.of("GetItem", b("{'TableName':'t','Key':{'pk':{'S':'x'}}}"), 200, response))
        .isEqualTo(new CapacityUnits.Units(0.5, 0));
  }

  @Test
  void writesArePerKilobyteOfTheLargerItemAndTransactionsCountTwice() {
    CapacityUnits units = new CapacityUnits();
    String big = "x".repeat(1500);
    byte[] put = b("{'TableName':'t','Item':{'pk':{'S':'k'},'blob':{'S':'" + big + "'}}}");

    assertThat(units.of("PutItem", put, 200, b("{}"))).isEqualTo(new CapacityUnits.Units(0, 2));
    // An update that shrinks the item still pays for the larger size it had before.
    byte[] update = b("{'TableName':'t','Key':{'pk':{'S':'k'}}}");
    assertThat(units.of("UpdateItem", update, 200, b("{'Attributes':{'pk':{'S':'k'}}}")))
        .isEqualTo(new CapacityUnits.Units(0, 2));
    byte[] transaction =
        b(
            "{'TransactItems':[{'Put':{'TableName':'o','Item':{'pk':{'S':'e'}}}},{'Update':{'TableName':'t','Key':{'pk':{'S':'k'}}}}]}");
    assertThat(units.of("TransactWriteItems", transaction, 200, b("{}")))
        .isEqualTo(new CapacityUnits.Units(0, 4));
  }

  @Test
  void aFailedConditionStillCostsAWriteButOtherErrorsCostNothing() {
    CapacityUnits units = new CapacityUnits();
    byte[] update = b("{'TableName':'t','Key':{'pk':{'S':'k'}}}");

    assertThat(
            units.of(
                "UpdateItem",
                update,
                400,
                b("{'__type':'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException'}")))
        .isEqualTo(new CapacityUnits.Units(0, 1));
    assertThat(units.of("UpdateItem", update, 400, b("{'__type':'ValidationException'}")))
        .isEqualTo(CapacityUnits.Units.NONE);
  }
}
