package io.emporium.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.dataschema.DataSchema;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class LocalProvisioningIntegrationTests {

  private final DataSchema schema = DataSchema.load();

  @Test
  void createsEveryTableOfTheDataSchemaAndTheAuditTableWithTheirKeysAndExpiryIdempotently() {
    AwsClients aws = TestEmulator.provisioned();
    LocalProvisioning.provision(aws, TestEmulator.ENV);

    try (var dynamo = aws.dynamoDb()) {
      assertThat(dynamo.listTables().tableNames())
          .containsAll(
              schema.dynamodb().keySet().stream()
                  .map(t -> schema.tableName(TestEmulator.ENV, t))
                  .toList());
      var outbox =
          dynamo
              .describeTable(b -> b.tableName(schema.tableName(TestEmulator.ENV, "cart-outbox")))
              .table();
      assertThat(outbox.keySchema())
          .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
          .containsExactly("pk:HASH", "sk:RANGE");
      var audit = schema.deadLetterAudit(TestEmulator.ENV);
      assertThat(dynamo.describeTable(b -> b.tableName(audit.name())).table().keySchema())
          .as("the dead-letter audit table, from data-schema.yaml too")
          .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
          .containsExactly(audit.hashKey() + ":HASH", audit.rangeKey() + ":RANGE");
      for (String table : new String[] {"cart-inbox", "carts"}) {
        var ttl =
            dynamo
                .describeTimeToLive(b -> b.tableName(schema.tableName(TestEmulator.ENV, table)))
                .timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).as(table).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
      }
    }
  }
}
