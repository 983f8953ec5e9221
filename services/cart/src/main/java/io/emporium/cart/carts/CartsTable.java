package io.emporium.cart.carts;

import io.emporium.events.dataschema.DataSchema;

/**
 * Table {@code emporium-<env>-carts}, as data-schema.yaml declares it: hash key {@code pk} (S), TTL
 * on {@code expiresAt} (epoch seconds), on-demand, no index. Items: {@code CUSTOMER#<id>} (the
 * customer's one cart) and {@code CHECKOUT#<checkoutId>} (what a checkout answered, for replays of
 * its Idempotency-Key).
 */
public record CartsTable(String name, DataSchema.DynamoDbTable declared) {

  static final String LOGICAL_NAME = "carts";
  static final String PK = "pk";
  static final String EXPIRES_AT = "expiresAt";

  public static CartsTable of(DataSchema schema, String env) {
    return new CartsTable(schema.tableName(env, LOGICAL_NAME), schema.table(LOGICAL_NAME));
  }
}
