package io.emporium.platform.messaging.dynamodb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the messaging tables of a service, idempotently, for the emulator (tests, the local
 * profile, {@code ./emporium up}); Terraform creates the same tables in AWS.
 *
 * <ul>
 *   <li>outbox: {@code pk} (S, hash) = {@code OUTBOX#<shard>}, {@code sk} (S, range) = event id;
 *   <li>inbox: {@code pk} (S, hash) = {@code EVENT#<event id>} (processed-event markers) or {@code
 *       FAILURE#<SQS message id>} (why a message failed), TTL on {@code expiresAt}.
 * </ul>
 *
 * Both on-demand (PAY_PER_REQUEST); no index.
 */
public final class DynamoDbTables {

  private static final Logger log = LoggerFactory.getLogger(DynamoDbTables.class);

  private final DynamoDbClient dynamo;

  public DynamoDbTables(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  public void createOutboxTable(DynamoDbOutboxTable table) {
    create(
        table.name(),
        key(DynamoDbOutboxTable.PARTITION_KEY, KeyType.HASH),
        key(DynamoDbOutboxTable.SORT_KEY, KeyType.RANGE));
  }

  /** {@code emporium-<env>-<service>-inbox}: processed-event markers and failure records. */
  public static String inboxTableName(String env, String service) {
    return "emporium-%s-%s-inbox".formatted(env, service);
  }

  public void createInboxTable(String name) {
    create(name, key(DynamoDbProcessedEvents.PARTITION_KEY, KeyType.HASH));
    var ttl = dynamo.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
    if (ttl == null || ttl.timeToLiveStatus() != TimeToLiveStatus.ENABLED) {
      dynamo.updateTimeToLive(
          b ->
              b.tableName(name)
                  .timeToLiveSpecification(
                      s -> s.enabled(true).attributeName(DynamoDbProcessedEvents.EXPIRES_AT)));
    }
  }

  private void create(String name, KeySchemaElement... keys) {
    var attributes = new AttributeDefinition[keys.length];
    for (int i = 0; i < keys.length; i++) {
      String attribute = keys[i].attributeName();
      attributes[i] =
          AttributeDefinition.builder()
              .attributeName(attribute)
              .attributeType(ScalarAttributeType.S)
              .build();
    }
    try {
      dynamo.createTable(
          b ->
              b.tableName(name)
                  .keySchema(keys)
                  .attributeDefinitions(attributes)
                  .billingMode(BillingMode.PAY_PER_REQUEST));
      log.info("created DynamoDB table {}", name);
    } catch (ResourceInUseException exists) {
      log.debug("DynamoDB table {} exists", name);
    }
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
