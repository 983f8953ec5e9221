package io.emporium.platform.messaging.dynamodb;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.emporium.events.EventCodec;
import io.emporium.platform.messaging.MessagingAutoConfiguration;
import io.emporium.platform.messaging.MessagingProperties;
import io.emporium.platform.messaging.SnsBatchPublisher;
import io.emporium.platform.messaging.TopicArns;
import io.emporium.platform.messaging.inbox.FailureLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The outbox, its relay, idempotent consumption and the failure log for a service on DynamoDB
 * ({@code emporium.messaging.store=dynamodb}): tables {@code emporium-<env>-<service>-outbox} and
 * {@code -inbox}, created at startup when {@code emporium.messaging.provision=true} (emulator only;
 * Terraform creates them in AWS).
 */
@AutoConfiguration(
    after = MessagingAutoConfiguration.class,
    afterName = "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration")
@ConditionalOnClass(DynamoDbAsyncClient.class)
@ConditionalOnProperty(name = "emporium.messaging.store", havingValue = "dynamodb")
@ConditionalOnBean(MessagingProperties.class)
public class DynamoDbMessagingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  DynamoDbAsyncClient dynamoDbAsyncClient(AwsClientBuilderConfigurer configurer) {
    return configurer.configure(DynamoDbAsyncClient.builder()).build();
  }

  @Bean
  DynamoDbOutboxTable dynamoDbOutboxTable(MessagingProperties properties) {
    return DynamoDbOutboxTable.of(properties.env(), properties.service());
  }

  @Bean
  @ConditionalOnProperty(value = "emporium.messaging.provision", havingValue = "true")
  LocalDynamoDbTables localDynamoDbTables(
      AwsClientBuilderConfigurer configurer,
      DynamoDbOutboxTable outbox,
      MessagingProperties properties) {
    try (DynamoDbClient dynamo = configurer.configure(DynamoDbClient.builder()).build()) {
      var tables = new DynamoDbTables(dynamo);
      tables.createOutboxTable(outbox);
      tables.createInboxTable(inboxTable(properties));
    }
    return new LocalDynamoDbTables();
  }

  @Bean
  DynamoDbOutbox dynamoDbOutbox(DynamoDbOutboxTable table, EventCodec codec) {
    return new DynamoDbOutbox(table, codec);
  }

  @Bean
  DynamoDbProcessedEvents dynamoDbProcessedEvents(
      DynamoDbAsyncClient dynamo, MessagingProperties properties, MeterRegistry meters) {
    return new DynamoDbProcessedEvents(dynamo, inboxTable(properties), meters);
  }

  @Bean
  FailureLog dynamoDbFailureLog(DynamoDbAsyncClient dynamo, MessagingProperties properties) {
    return new DynamoDbFailureLog(dynamo, inboxTable(properties), Clock.systemUTC());
  }

  @Bean
  @ConditionalOnProperty(value = "emporium.messaging.relay.enabled", matchIfMissing = true)
  DynamoDbOutboxRelay dynamoDbOutboxRelay(
      DynamoDbAsyncClient dynamo,
      DynamoDbOutboxTable table,
      SnsBatchPublisher publisher,
      TopicArns topics,
      MessagingProperties properties,
      MeterRegistry meters,
      ObjectProvider<LocalDynamoDbTables> provisioned) {
    provisioned.ifAvailable(tables -> {}); // local tables exist before the relay polls them
    return new DynamoDbOutboxRelay(
        dynamo, table, publisher, topics.ownTopic(), properties.relay(), meters);
  }

  private static String inboxTable(MessagingProperties properties) {
    return DynamoDbTables.inboxTableName(properties.env(), properties.service());
  }

  /** Marks that the local tables were created (emulator only). */
  static final class LocalDynamoDbTables {}
}
