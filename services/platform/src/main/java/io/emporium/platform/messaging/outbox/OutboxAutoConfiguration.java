package io.emporium.platform.messaging.outbox;

import io.emporium.platform.health.LoopPulse;
import io.emporium.platform.messaging.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The relay of a service whose store configuration (R2DBC or DynamoDB) provided its {@link
 * OutboxStore}; off with {@code emporium.messaging.relay.enabled=false}.
 */
@AutoConfiguration(
    afterName = {
      "io.emporium.platform.messaging.MessagingAutoConfiguration",
      "io.emporium.platform.messaging.r2dbc.R2dbcMessagingAutoConfiguration",
      "io.emporium.platform.messaging.dynamodb.DynamoDbMessagingAutoConfiguration"
    })
@ConditionalOnBean(OutboxStore.class)
public class OutboxAutoConfiguration {

  @Bean
  @ConditionalOnProperty(value = "emporium.messaging.relay.enabled", matchIfMissing = true)
  OutboxRelay outboxRelay(
      OutboxStore store,
      SnsBatchPublisher publisher,
      TopicArns topics,
      MessagingProperties properties,
      RelayWakeUp wakeUp,
      MeterRegistry meters) {
    return new OutboxRelay(
        store,
        publisher,
        topics.ownTopic(),
        RelaySettings.of(properties.relay(), Clock.systemUTC()),
        wakeUp,
        meters);
  }

  /**
   * Health {@code outboxRelay}: DOWN when the relay stopped going round (its {@code LoopPulse}; in
   * liveness, see {@code LoopsInLiveness}).
   */
  @Bean
  @ConditionalOnBean(OutboxRelay.class)
  LoopPulse outboxRelayHealthIndicator(OutboxRelay relay) {
    return relay.pulse();
  }
}
