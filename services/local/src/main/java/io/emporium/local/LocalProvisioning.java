package io.emporium.local;

import io.emporium.events.dataschema.DataSchema;
import io.emporium.events.topology.Topology;

/**
 * Creates on the emulator what an environment's services need, as {@code topology.yaml} and {@code
 * data-schema.yaml} declare it: topics, queues with their DLQs, subscriptions, DynamoDB tables (the
 * dead-letter audit table among them). Idempotent. {@code ./emporium up}, the test harness and the
 * chart tests use it; in AWS, Terraform creates the same from the same two files. The services
 * create nothing themselves.
 */
public final class LocalProvisioning {

  private LocalProvisioning() {}

  public static void provision(AwsClients aws, String env) {
    try (var sns = aws.sns();
        var sqs = aws.sqs();
        var dynamo = aws.dynamoDb()) {
      new TopologyProvisioner(sns, sqs).provision(Topology.load(), env);
      new DynamoDbTables(dynamo).createAll(DataSchema.load(), env); // the audit table included
    }
  }
}
