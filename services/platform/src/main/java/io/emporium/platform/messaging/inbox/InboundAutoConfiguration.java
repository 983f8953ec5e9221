package io.emporium.platform.messaging.inbox;

import io.emporium.events.EventCodec;
import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link InboundEvents} for listeners, once a store-specific configuration (R2DBC or DynamoDB) has
 * provided the {@link FailureLog} it records reasons in.
 */
@AutoConfiguration(
    afterName = {
      "io.emporium.platform.messaging.MessagingAutoConfiguration",
      "io.emporium.platform.messaging.r2dbc.R2dbcMessagingAutoConfiguration",
      "io.emporium.platform.messaging.dynamodb.DynamoDbMessagingAutoConfiguration",
      "io.emporium.platform.faults.FaultInjectionAutoConfiguration"
    })
@ConditionalOnBean({EventCodec.class, FailureLog.class})
public class InboundAutoConfiguration {

  @Bean
  InboundEvents inboundEvents(
      EventCodec codec,
      FailureLog failures,
      MeterRegistry meters,
      Topology topology,
      MessagingProperties properties,
      ObjectProvider<InboundFaults> faults) {
    var metrics =
        new InboundMetrics(
            meters,
            topology.subscriptionsOf(properties.env(), properties.service()),
            topology.queueDefaults().maxReceiveCount());
    return new InboundEvents(
        codec, failures, metrics, faults.getIfAvailable(() -> InboundFaults.NONE));
  }
}
