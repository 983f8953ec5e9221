package io.emporium.platform.messaging.dynamodb;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.emporium.events.EventCodec;
import io.emporium.events.dataschema.DataSchema;
import io.emporium.platform.messaging.MessagingAutoConfiguration;
import io.emporium.platform.messaging.MessagingProperties;
import io.emporium.platform.messaging.inbox.FailureLog;
import io.emporium.platform.messaging.outbox.OutboxDeadLetters;
import io.emporium.platform.messaging.outbox.OutboxStore;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The store adapter for a service on DynamoDB ({@code emporium.messaging.store=dynamodb}): the
 * outbox and its appends, the processed events, the failure log and the transactions that carry
 * them, in tables {@code emporium-<env>-<service>-outbox} and {@code -inbox} (data-schema.yaml;
 * Terraform creates them in AWS, the launcher on the emulator).
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
  MessagingTables messagingTables(DataSchema schema, MessagingProperties properties) {
    return MessagingTables.of(schema, properties.env(), properties.service());
  }

  @Bean
  DynamoDbOutboxTable dynamoDbOutboxTable(MessagingTables tables) {
    return tables.outbox();
  }

  @Bean
  DynamoDbOutbox dynamoDbOutbox(DynamoDbOutboxTable table, EventCodec codec) {
    return new DynamoDbOutbox(table, codec);
  }

  @Bean
  OutboxStore dynamoDbOutboxStore(DynamoDbAsyncClient dynamo, DynamoDbOutboxTable table) {
    return new DynamoDbOutboxStore(
        dynamo, table, DynamoDbOutboxStore.DEFAULT_LEASE, Clock.systemUTC());
  }

  @Bean
  OutboxDeadLetters dynamoDbOutboxDeadLetters(
      DynamoDbAsyncClient dynamo, DynamoDbOutboxTable table, RelayWakeUp wakeUp) {
    return new DynamoDbOutboxDeadLetters(dynamo, table, wakeUp, Clock.systemUTC());
  }

  @Bean
  DynamoDbTransactions dynamoDbTransactions(
      DynamoDbAsyncClient dynamo, DynamoDbOutboxTable table, RelayWakeUp wakeUp) {
    return new DynamoDbTransactions(dynamo, table, wakeUp);
  }

  @Bean
  DynamoDbProcessedEvents dynamoDbProcessedEvents(MessagingTables tables) {
    return new DynamoDbProcessedEvents(tables.inbox());
  }

  @Bean
  FailureLog dynamoDbFailureLog(DynamoDbAsyncClient dynamo, MessagingTables tables) {
    return new DynamoDbFailureLog(dynamo, tables.inbox(), Clock.systemUTC());
  }
}
