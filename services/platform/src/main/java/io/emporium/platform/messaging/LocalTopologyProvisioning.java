package io.emporium.platform.messaging;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.emporium.events.topology.Topology;
import io.emporium.platform.deadletters.AuditTable;
import io.emporium.platform.local.TopologyProvisioner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates the topology when the context starts, before listener containers (SmartLifecycle) look
 * their queues up; and the dead-letter audit table. Only for the emulator: in AWS, Terraform
 * creates it from the same topology.yaml.
 */
final class LocalTopologyProvisioning {

  LocalTopologyProvisioning(
      AwsClientBuilderConfigurer configurer, Topology topology, MessagingProperties properties) {
    try (SnsClient sns = configurer.configure(SnsClient.builder()).build();
        SqsClient sqs = configurer.configure(SqsClient.builder()).build();
        DynamoDbClient dynamo = configurer.configure(DynamoDbClient.builder()).build()) {
      new TopologyProvisioner(sns, sqs).provision(topology, properties.env());
      AuditTable.create(dynamo, topology.deadLetterAudit(), properties.env());
    }
  }
}
