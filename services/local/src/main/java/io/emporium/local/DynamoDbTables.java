package io.emporium.local;

import io.emporium.events.dataschema.DataSchema;
import java.util.ArrayList;
import java.util.List;
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
 * Creates DynamoDB tables as {@code data-schema.yaml} declares them (keys, TTL attribute),
 * idempotently, on the emulator (tests, the local profile, {@code ./emporium up}); Terraform's data
 * module creates the same tables in AWS from the same file. On-demand, no index.
 */
public final class DynamoDbTables {

  private static final Logger log = LoggerFactory.getLogger(DynamoDbTables.class);

  private final DynamoDbClient dynamo;

  public DynamoDbTables(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  /**
   * Creates every table of {@code schema} for environment {@code env}, the dead-letter audit table
   * included, unless it exists.
   */
  public void createAll(DataSchema schema, String env) {
    schema.dynamodb().forEach((table, declared) -> create(schema.tableName(env, table), declared));
    createAudit(schema.deadLetterAudit(env));
  }

  /**
   * Creates the dead-letter audit table ({@code data-schema.yaml deadLetterAudit}) unless it
   * exists; Terraform's data module creates it in AWS from the same declaration.
   */
  public String createAudit(DataSchema.AuditTable audit) {
    create(
        audit.name(), new DataSchema.DynamoDbTable(null, audit.hashKey(), audit.rangeKey(), null));
    return audit.name();
  }

  /** Creates table {@code name} with the keys and TTL of {@code declared}, unless it exists. */
  public void create(String name, DataSchema.DynamoDbTable declared) {
    List<KeySchemaElement> keys = new ArrayList<>();
    keys.add(key(declared.hashKey(), KeyType.HASH));
    if (declared.rangeKey() != null) {
      keys.add(key(declared.rangeKey(), KeyType.RANGE));
    }
    var attributes =
        keys.stream()
            .map(
                k ->
                    AttributeDefinition.builder()
                        .attributeName(k.attributeName())
                        .attributeType(ScalarAttributeType.S)
                        .build())
            .toList();
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
    if (declared.ttlAttribute() != null) {
      enableTtl(name, declared.ttlAttribute());
    }
  }

  private void enableTtl(String name, String attribute) {
    var ttl = dynamo.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
    if (ttl == null || ttl.timeToLiveStatus() != TimeToLiveStatus.ENABLED) {
      dynamo.updateTimeToLive(
          b ->
              b.tableName(name)
                  .timeToLiveSpecification(s -> s.enabled(true).attributeName(attribute)));
    }
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
