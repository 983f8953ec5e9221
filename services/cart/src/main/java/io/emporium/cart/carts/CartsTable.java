package io.emporium.cart.carts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Table {@code emporium-<env>-carts} (as terraform/modules/data declares it): hash key {@code pk}
 * (S), TTL on {@code expiresAt} (epoch seconds), on-demand, no index. Items: {@code CUSTOMER#<id>}
 * (the customer's one cart) and {@code CHECKOUT#<checkoutId>} (what a checkout answered, for
 * replays of its Idempotency-Key).
 */
public record CartsTable(String name) {

  static final String PK = "pk";
  static final String EXPIRES_AT = "expiresAt";
  private static final Logger log = LoggerFactory.getLogger(CartsTable.class);

  public static CartsTable of(String env) {
    return new CartsTable("emporium-%s-carts".formatted(env));
  }

  /** Creates the table and its TTL unless they exist (emulator only). */
  public Provisioned createIfMissing(DynamoDbClient dynamo) {
    try {
      dynamo.createTable(
          b ->
              b.tableName(name)
                  .keySchema(k -> k.attributeName(PK).keyType(KeyType.HASH))
                  .attributeDefinitions(
                      a -> a.attributeName(PK).attributeType(ScalarAttributeType.S))
                  .billingMode(BillingMode.PAY_PER_REQUEST));
      log.info("created DynamoDB table {}", name);
    } catch (ResourceInUseException exists) {
      log.debug("DynamoDB table {} exists", name);
    }
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    var ttl = dynamo.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
    if (ttl == null || ttl.timeToLiveStatus() != TimeToLiveStatus.ENABLED) {
      dynamo.updateTimeToLive(
          b ->
              b.tableName(name)
                  .timeToLiveSpecification(s -> s.enabled(true).attributeName(EXPIRES_AT)));
    }
    return new Provisioned();
  }

  /** Marks that the table exists before anything (listeners, requests) uses it. */
  public static final class Provisioned {}
}
