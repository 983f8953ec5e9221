package io.emporium.platform.deadletters;

import io.emporium.events.topology.DeadLetterAudit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the audit table on an emulator (tests, the local profile, {@code ./emporium up}),
 * idempotently; Terraform's messaging module creates it in AWS from the same declaration.
 */
public final class AuditTable {

  private AuditTable() {}

  public static String create(DynamoDbClient dynamo, DeadLetterAudit schema, String env) {
    String name = schema.table(env);
    try {
      dynamo.createTable(
          b ->
              b.tableName(name)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .keySchema(
                      k -> k.attributeName(schema.hashKey()).keyType(KeyType.HASH),
                      k -> k.attributeName(schema.rangeKey()).keyType(KeyType.RANGE))
                  .attributeDefinitions(
                      a -> a.attributeName(schema.hashKey()).attributeType(ScalarAttributeType.S),
                      a ->
                          a.attributeName(schema.rangeKey()).attributeType(ScalarAttributeType.S)));
    } catch (ResourceInUseException exists) {
      // created before
    }
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    return name;
  }
}
