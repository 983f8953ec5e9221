package io.emporium.platform.messaging;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.emporium.events.EventCodec;
import io.emporium.events.dataschema.DataSchema;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import io.emporium.platform.messaging.outbox.SnsBatchPublisher;
import io.emporium.platform.messaging.outbox.TopicArns;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/**
 * Messaging for a service that sets {@code emporium.messaging.service}: the topology and the data
 * schema, the event codec, an async SNS client, the batch publisher and this service's topic for
 * the outbox relay. Nothing here creates a topic or a table: Terraform does in AWS, the launcher on
 * the emulator ({@code ./emporium up}, the test harness). The store adapters ({@code r2dbc}, {@code
 * dynamodb}) add the outbox and the inbox on top; {@code outbox} and {@code inbox} wire the relay
 * and the listeners' side once a store is there.
 */
@AutoConfiguration(
    afterName = {
      "io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration",
      "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration"
    })
@ConditionalOnProperty("emporium.messaging.service")
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Topology topology() {
    return Topology.load();
  }

  @Bean
  @ConditionalOnMissingBean
  DataSchema dataSchema() {
    return DataSchema.load();
  }

  @Bean
  @ConditionalOnMissingBean
  EventCodec eventCodec() {
    return new EventCodec();
  }

  @Bean
  @ConditionalOnMissingBean
  SnsAsyncClient snsAsyncClient(AwsClientBuilderConfigurer configurer) {
    return configurer.configure(SnsAsyncClient.builder()).build();
  }

  @Bean
  SnsBatchPublisher snsBatchPublisher(SnsAsyncClient sns) {
    return new SnsBatchPublisher(sns);
  }

  @Bean
  TopicArns topicArns(SnsAsyncClient sns, Topology topology, MessagingProperties properties) {
    return new TopicArns(sns, topology, properties);
  }

  @Bean
  RelayWakeUp relayWakeUp() {
    return new RelayWakeUp();
  }
}
