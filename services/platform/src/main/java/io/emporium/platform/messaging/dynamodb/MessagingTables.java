package io.emporium.platform.messaging.dynamodb;

import io.emporium.events.dataschema.DataSchema;

/**
 * The messaging tables of a service on DynamoDB, as {@code data-schema.yaml} declares them: {@code
 * <service>-outbox} (the outbox: {@code pk} = {@code OUTBOX#<shard>}, {@code sk} = event id) and
 * {@code <service>-inbox} ({@code pk} = {@code EVENT#<event id>} processed markers and {@code
 * FAILURE#<SQS message id>} failure reasons, TTL on {@code expiresAt}).
 */
record MessagingTables(
    DynamoDbOutboxTable outbox,
    String inbox,
    DataSchema.DynamoDbTable outboxDeclared,
    DataSchema.DynamoDbTable inboxDeclared) {

  static MessagingTables of(DataSchema schema, String env, String service) {
    String outbox = service + "-outbox";
    String inbox = service + "-inbox";
    return new MessagingTables(
        new DynamoDbOutboxTable(schema.tableName(env, outbox), DynamoDbOutboxTable.DEFAULT_SHARDS),
        schema.tableName(env, inbox),
        schema.table(outbox),
        schema.table(inbox));
  }
}
