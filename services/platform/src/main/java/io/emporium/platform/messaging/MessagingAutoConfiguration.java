package io.emporium.platform.messaging;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.sqs.listener.errorhandler.AsyncErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.ExponentialBackoffErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.Jitter;
import io.emporium.events.EventCodec;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.inbox.EventQueues;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/**
 * Messaging for a service that sets {@code emporium.messaging.service}: the topology, the event
 * codec, an async SNS client and batch publisher, queue names for listeners, the visibility-timeout
 * backoff of failed messages, and (with {@code emporium.messaging.provision=true}) local
 * provisioning before listeners start.
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
  EventQueues eventQueues(Topology topology, MessagingProperties properties) {
    return new EventQueues(topology, properties);
  }

  /** A failed message becomes visible again after initial × multiplier^(receives-1) s, jittered. */
  @Bean
  @ConditionalOnMissingBean
  AsyncErrorHandler<Object> visibilityBackoffErrorHandler(MessagingProperties properties) {
    var listener = properties.listener();
    return ExponentialBackoffErrorHandler.builder()
        .initialVisibilityTimeoutSeconds(listener.initialBackoffSeconds())
        .multiplier(listener.multiplier())
        .maxVisibilityTimeoutSeconds(listener.maxBackoffSeconds())
        .jitter(Jitter.HALF)
        .build();
  }

  @Bean
  @ConditionalOnProperty("emporium.messaging.provision")
  LocalTopologyProvisioning localTopologyProvisioning(
      AwsClientBuilderConfigurer configurer, Topology topology, MessagingProperties properties) {
    return new LocalTopologyProvisioning(configurer, topology, properties);
  }
}
